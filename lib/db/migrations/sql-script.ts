/**
 * The statements of a SQL script, split at the semicolons that end them: not at one inside a quoted string, a quoted
 * name, a comment or a dollar-quoted body (PostgreSQL's `$$ ... $$`, `$tag$ ... $tag$`, in which a function's own
 * statements end with semicolons). Statements are trimmed; empty ones are left out.
 */
// A character that continues an identifier: a $ after one is part of the name (a$b), not a dollar quote.
const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const statement = script.slice(start, end).trim();
    if (statement && !/^(--[^\n]*\n?\s*)*$/.test(statement)) statements.push(statement);
  };
  while (i < script.length) {
    const c = script[i]!;
    if (c === "'" && /[eE]/.test(script[i - 1] ?? "") && !IDENTIFIER_CHAR.test(script[i - 2] ?? "")) {
      // An escape string (E'...'): a backslash escapes the next character, a quote among them.
      let j = i + 1;
      while (j < script.length && script[j] !== "'") j += script[j] === "\\" ? 2 : 1;
      i = j + 1;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is the quote itself: scanning on finds the next one and continues.
      const end = script.indexOf(c, i + 1);
      i = end === -1 ? script.length : end + 1;
    } else if (c === "-" && script[i + 1] === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end + 1;
    } else if (c === "/" && script[i + 1] === "*") {
      const end = script.indexOf("*/", i + 2);
      i = end === -1 ? script.length : end + 2;
    } else if (c === "$" && !IDENTIFIER_CHAR.test(script[i - 1] ?? "")) {
      // A dollar quote's tag is an identifier without $ (digits allowed after the first character), or nothing.
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? script.length : end + tag.length;
      } else i++;
    } else if (c === ";") {
      push(i);
      start = ++i;
    } else i++;
  }
  push(script.length);
  return statements;
}
