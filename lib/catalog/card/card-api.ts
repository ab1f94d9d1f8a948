import "server-only";
import { z } from "zod";
import type { DatasetRef } from "../load-dataset";

/** A REST path's dataset: {owner}/{namespace}/{datasetName}. */
export const refOfPath = (p: { owner: string; namespace: string; datasetName: string }): DatasetRef => ({
  owner: p.owner,
  namespace: p.namespace,
  slug: p.datasetName,
});

/** A revision number from a URL segment (422 when it is not a positive whole number). */
export function revisionNumberOf(raw: string): number {
  return z.coerce
    .number({ error: "A revision number is a whole number from 1" })
    .int("A revision number is a whole number from 1")
    .min(1, "A revision number is a whole number from 1")
    .parse(raw);
}
