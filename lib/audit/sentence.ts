// A described audit event is a list of parts: plain text, or a named thing (a person, a
// resource) that may link to its page. Pages render the parts; CSV export joins their text.

export type SentencePart = { text: string; strong?: boolean; href?: string };
export type Sentence = SentencePart[];

/** The sentence as plain text, as a CSV export or a screen reader reads it. */
export function sentenceText(sentence: Sentence): string {
  return sentence.map((p) => p.text).join("");
}
