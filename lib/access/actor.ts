/** Whoever is acting: a signed-in user (UI session or API token). */
export type Actor = { id: string; email: string; username: string | null };
