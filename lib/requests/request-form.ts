import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { recordAudit } from "@/lib/audit/record";
import { loadDataset } from "@/lib/catalog/load-dataset";
import { getDb } from "@/lib/db";
import type { JsonValue } from "@/lib/db/json";
import { type RequestForm, requestFormInput } from "./schemas";

const storedQuestions = z.array(z.string());

/** Dataset.requestQuestions as the list of questions it holds (anything unreadable counts as none). */
export function parseQuestions(value: JsonValue): string[] {
  const parsed = storedQuestions.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The request form of a dataset, for its managers (who edit it). */
export async function getRequestForm(actor: Actor, datasetId: string): Promise<RequestForm> {
  const { dataset } = await loadDataset(actor, { id: datasetId }, "manage");
  return { questions: parseQuestions(dataset.requestQuestions), terms: dataset.requestTerms };
}

/**
 * Sets the questions (at most 5) and terms a person requesting access to a dataset must answer
 * and accept. Rule: managers only (loadDataset "manage": others 403, non-readers 404); audited.
 */
export async function setRequestForm(actor: Actor, datasetId: string, raw: unknown): Promise<RequestForm> {
  const form = requestFormInput.parse(raw);
  const { dataset } = await loadDataset(actor, { id: datasetId }, "manage");
  await getDb().$transaction(async (tx) => {
    await tx.dataset.update({
      where: { id: dataset.id },
      data: { requestQuestions: form.questions, requestTerms: form.terms },
    });
    await recordAudit(tx, {
      workspaceId: dataset.workspaceId,
      actor,
      action: "dataset.request_form_changed",
      resourceType: "dataset",
      resourceId: dataset.id,
      details: { slug: dataset.slug, questions: form.questions.length, terms: form.terms.length > 0 },
    });
  });
  return form;
}
