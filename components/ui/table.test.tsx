import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./empty-state";
import { Table, type TableColumn } from "./table";

type Token = { id: string; name: string; uses: number };
const columns: TableColumn<Token>[] = [
  { header: "Name", cell: (t) => t.name, rowHeader: true },
  { header: "Uses", cell: (t) => t.uses },
];
const render = (rows: Token[], empty: Parameters<typeof Table<Token>>[0]["empty"] = "No API tokens.") =>
  renderToStaticMarkup(<Table caption="API tokens" columns={columns} rows={rows} rowKey={(t) => t.id} empty={empty} />);

describe("Table", () => {
  it("shows its empty note, and no table, when there are no rows", () => {
    const html = render([]);
    expect(html).toBe('<p class="text-sm text-zinc-500">No API tokens.</p>');
    expect(html).not.toContain("<table");
  });

  it("shows a richer empty state as given", () => {
    const html = render([], <EmptyState title="Nothing has happened yet" />);
    expect(html).toContain("<h2");
    expect(html).toContain("Nothing has happened yet");
    expect(html).not.toContain("<table");
  });

  it("lists rows under column headers, each named by its row header, with a caption", () => {
    const html = render([
      { id: "a", name: "ci", uses: 3 },
      { id: "b", name: "laptop", uses: 0 },
    ]);
    expect(html).toContain('<caption class="sr-only">API tokens</caption>');
    expect(html.match(/<th scope="col"[^>]*>(.*?)<\/th>/g)?.map((h) => h.replace(/<[^>]+>/g, ""))).toEqual([
      "Name",
      "Uses",
    ]);
    expect(html.match(/<th scope="row"[^>]*>(.*?)<\/th>/g)?.map((h) => h.replace(/<[^>]+>/g, ""))).toEqual([
      "ci",
      "laptop",
    ]);
    expect(html).toContain(">0</td>");
  });
});
