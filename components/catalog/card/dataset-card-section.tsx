"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { CardView } from "@/lib/catalog/card/card-view";
import type { Column } from "@/lib/catalog/types";
import { CardBody } from "./card-body";
import { CardEditor } from "./card-editor";
import { CardHistory } from "./card-history";

/**
 * The dataset card on the dataset page: read-only for viewers and access-link visitors, with an
 * editor for editors, and the card's history for everyone who can read the dataset.
 */
export function DatasetCardSection({
  datasetId,
  card,
  columns,
  canEdit,
  linkToken,
}: {
  datasetId: string;
  card: CardView;
  columns: Column[];
  canEdit: boolean;
  linkToken?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<number>();
  if (editing)
    return <CardEditor datasetId={datasetId} card={card} columns={columns} onDone={() => setEditing(false)} />;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardHistory
          datasetId={datasetId}
          revision={card.revision}
          columns={columns}
          linkToken={linkToken}
          viewing={viewing}
          onView={setViewing}
        />
        {canEdit && !viewing ? (
          <Button variant="secondary" onClick={() => setEditing(true)} className="ml-auto">
            Edit card
          </Button>
        ) : null}
      </div>
      {viewing ? null : <CardBody card={card} columns={columns} />}
    </div>
  );
}
