"use server";
import { z } from "zod";
import { setRequestForm } from "@/lib/requests/request-form";
import { requestFormInput } from "@/lib/requests/schemas";
import { defineAction } from "../define-action";

const input = z.object({ datasetId: z.string().min(1) }).and(requestFormInput);

export const setRequestFormAction = defineAction(input, ({ datasetId, questions, terms }, user) =>
  setRequestForm(user, datasetId, { questions, terms }),
);
