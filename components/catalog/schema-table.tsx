import { Table } from "@/components/ui/table";
import type { Column } from "@/lib/catalog/types";

/**
 * Column names and types, as inferred from a file or stored for a dataset; with `descriptions`
 * (the dataset card's data dictionary) each column's description too.
 */
export function SchemaTable({
  columns,
  caption,
  descriptions,
}: {
  columns: Column[];
  caption: string;
  descriptions?: Record<string, string>;
}) {
  return (
    <Table
      caption={caption}
      rows={columns}
      rowKey={(c) => c.name}
      empty="No columns."
      columns={[
        { header: "#", cell: (_, i) => i + 1, className: "text-zinc-500" },
        { header: "Column", cell: (c) => c.name, className: "font-medium" },
        { header: "Type", cell: (c) => c.type, className: "font-mono text-xs" },
        ...(descriptions
          ? [
              {
                header: "Description",
                cell: (c: Column) =>
                  Object.hasOwn(descriptions, c.name) ? (
                    <span className="whitespace-pre-line">{descriptions[c.name]}</span>
                  ) : (
                    <span className="text-zinc-500">No description</span>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
