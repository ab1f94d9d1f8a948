/** The view every dataset query reads from. */
export const DATA_VIEW = "data";
/** The Parquet reader's row number, the tie-breaker that keeps sorted paging stable. */
export const ROW_NUMBER_COLUMN = "file_row_number";
