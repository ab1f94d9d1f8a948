// Issue 17.4: an ingest the uploader can steer (types, names, CSV dialect) and an append review
// that shows the rows it will add.
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { createCast, createDataset, prepare, setupCatalogStorage } from "../test-support";
import { getIngestReview } from "./ingest-review";

setupTestDatabase();
setupCatalogStorage();

const BASE = "id,name,score\n1,Ada,9.5\n2,Bob,7.25\n3,Cy,8\n";

describe("append review", () => {
  it("previews the rows that will be added, in the dataset's column order, not the existing data", async () => {
    const { owner, workspace } = await createCast("steer-append");
    const { datasetId } = await createDataset(owner, workspace.id, "people.csv", BASE);
    const append = await prepare(owner, workspace.id, "more.csv", "score,name,id\n6.5,Dee,4\n5,Eve,5\n", {
      mode: "append",
      datasetId,
    });
    const review = await getIngestReview(owner, append.id);
    expect(review.addedRows).toBe(2);
    expect(review.preview).toEqual([
      ["4", "Dee", 6.5],
      ["5", "Eve", 5],
    ]);
  });
});
