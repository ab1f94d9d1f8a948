import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

const HOSTILE = [
  "# Hello",
  "",
  "<script>alert('x')</script>",
  "",
  'Inline <img src=x onerror="alert(1)"> tag and <b onclick="alert(2)">bold</b>.',
  "",
  "<div>",
  '<iframe src="https://evil.example"></iframe>',
  "</div>",
  "",
  "[click me](javascript:alert(3)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [vb](vbscript:msgbox)",
  "",
  "![pixel](data:image/png;base64,AAAA) ![js](javascript:alert(4))",
  "",
  "[home](https://example.org/docs) and <https://example.net>",
].join("\n");

describe("Markdown", () => {
  const html = render(HOSTILE);

  it("never renders raw HTML as elements: it stays visible text", () => {
    expect(html).not.toMatch(/<script|<iframe|<img|<div>\s*<iframe|<b /i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i); // no element carries an event handler
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("keeps the text of javascript:, data: and vbscript: links but not their targets", () => {
    expect(html).not.toMatch(/javascript:|vbscript:|href="data:|src="data:/i);
    expect(html).toContain("<span>click me</span>");
    expect(html).toContain("<span>data</span>");
  });

  it("drops images that are not http(s), keeping their alt text", () => {
    expect(html).toContain("<span>Image: pixel</span>");
    expect(html).toContain("<span>Image: js</span>");
  });

  it("opens http(s) links in a new tab without the opener or a follow", () => {
    expect(html).toContain(
      '<a href="https://example.org/docs" rel="noopener nofollow noreferrer" target="_blank" class="underline">home</a>',
    );
    expect(html).toContain('href="https://example.net/"');
  });

  it("shows an http(s) image as a link to it, never loaded inline", () => {
    const out = render("![chart](https://example.org/chart.png)");
    expect(out).toContain('<a href="https://example.org/chart.png" rel="noopener nofollow noreferrer" target="_blank"');
    expect(out).toContain("Image: chart");
    expect(out).not.toContain("<img");
  });

  it("renders GitHub-flavoured Markdown: headings, tables, task lists, strikethrough", () => {
    const out = render("## Columns\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~");
    expect(out).toContain("<h2>Columns</h2>");
    expect(out).toContain("<table>");
    expect(out).toContain('type="checkbox"');
    expect(out).toContain("<del>old</del>");
  });

  it("keeps fragment links on the page", () => {
    expect(render("[up](#top)")).toContain(
      '<a href="#top" rel="noopener nofollow noreferrer" class="underline">up</a>',
    );
  });
});
