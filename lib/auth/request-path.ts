/** The request header proxy.ts sets to the page's path and query, as the browser asked for it. */
export const REQUEST_PATH_HEADER = "x-datashelf-path";
