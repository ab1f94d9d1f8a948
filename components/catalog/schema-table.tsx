import type { Column } from "@/lib/catalog/types";

/** Column names and types, as inferred from a file or stored for a dataset. */
export function SchemaTable({ columns, caption }: { columns: Column[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-500 dark:bg-zinc-900">
          <tr>
            <th scope="col" className="px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Column
            </th>
            <th scope="col" className="px-3 py-2">
              Type
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.name} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="px-3 py-1.5 text-zinc-500">{i + 1}</td>
              <td className="px-3 py-1.5 font-medium">{c.name}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{c.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
