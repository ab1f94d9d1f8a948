import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HeaderCell } from "./header-cell";

const render = (description?: string) =>
  renderToStaticMarkup(
    <table>
      <thead>
        <tr>
          <HeaderCell
            column={{ name: "temp", type: "DOUBLE", ...(description !== undefined ? { description } : {}) }}
            sort="desc"
            sortRank={null}
            width={180}
            onSort={() => {}}
            onResize={() => {}}
          />
        </tr>
      </thead>
    </table>,
  );

describe("grid header cell", () => {
  it("shows a column's description under its name, in full in the title", () => {
    const long = "Air temperature in degrees Celsius, measured 2 m above ground <b>not bold</b>";
    const html = render(long);
    expect(html).toContain('data-testid="column-description"');
    expect(html).toContain(
      `title="Air temperature in degrees Celsius, measured 2 m above ground &lt;b&gt;not bold&lt;/b&gt;"`,
    );
    expect(html).not.toContain("<b>");
  });

  it("has no description line without one, and states its sort and width", () => {
    const html = render();
    expect(html).not.toContain("column-description");
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('aria-label="Resize temp"');
    expect(html).toContain('aria-valuenow="180"');
  });
});
