"use server";
import { firstOpenNoticeSchema, setFirstOpenNotice } from "@/lib/insights/set-first-open-notice";
import { defineAction } from "../define-action";

export const setFirstOpenNoticeAction = defineAction(firstOpenNoticeSchema, (input, user) =>
  setFirstOpenNotice(user, input),
);
