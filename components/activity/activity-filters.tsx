import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { EVENT_KINDS, KIND_LABELS } from "@/lib/audit/describe-event";
import type { ActivityOption } from "@/lib/audit/activity-options";

type Props = {
  people: ActivityOption[];
  resources: ActivityOption[];
  value: { person?: string; kind?: string; resource?: string };
  /** the page's own URL without a query: "Clear" goes there */
  clearHref: string;
};

/**
 * The Activity page's filters as a plain GET form: choosing and applying puts them in the URL,
 * so a reload or a copied link shows the same events (and it works without JavaScript).
 */
export function ActivityFilters({ people, resources, value, clearHref }: Props) {
  const filtered = Boolean(value.person || value.kind || value.resource);
  return (
    <form method="get" role="search" aria-label="Filter the activity" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="w-48">
        <SelectField id="activity-person" label="Person" name="person" defaultValue={value.person ?? ""}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-48">
        <SelectField id="activity-kind" label="Kind" name="kind" defaultValue={value.kind ?? ""}>
          <option value="">Everything</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-64">
        <SelectField id="activity-resource" label="Resource" name="resource" defaultValue={value.resource ?? ""}>
          <option value="">Any resource</option>
          {resources.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Apply filters
      </button>
      {filtered ? (
        <a href={clearHref} className={buttonClass("ghost")}>
          Clear filters
        </a>
      ) : null}
    </form>
  );
}
