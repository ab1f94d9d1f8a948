import { AppError } from "@/lib/util/errors";
import { type EffectiveRole, allows } from "./roles";

/** The data grid's page size: the most rows one view-only request gets. */
export const VIEW_ONLY_PAGE_SIZE = 50;
/** How deep view-only paging reaches in any one query (20 grid pages). */
export const VIEW_ONLY_ROW_WINDOW = 1000;

export type RowWindow = { offset: number; limit: number; window: number | null };

/**
 * Rule: someone who may view rows but not download them (a view-only grant or link) gets what the
 * grid shows and no more: at most VIEW_ONLY_PAGE_SIZE rows per request (a larger `limit` is lowered,
 * and the answer says so) and only the first VIEW_ONLY_ROW_WINDOW rows of any query (sorted or
 * filtered), so paging cannot dump the table; asking past that window is 403. Everyone who may
 * download gets the page they asked for (`window` null).
 */
export function viewOnlyRowWindow(role: EffectiveRole | null, offset: number, limit: number): RowWindow {
  if (allows(role, "read")) return { offset, limit, window: null };
  if (offset >= VIEW_ONLY_ROW_WINDOW) {
    throw new AppError(
      "forbidden",
      `View-only access shows the first ${VIEW_ONLY_ROW_WINDOW} rows of a query; filter or sort to see other rows, or ask for download access.`,
    );
  }
  return {
    offset,
    limit: Math.min(limit, VIEW_ONLY_PAGE_SIZE, VIEW_ONLY_ROW_WINDOW - offset),
    window: VIEW_ONLY_ROW_WINDOW,
  };
}
