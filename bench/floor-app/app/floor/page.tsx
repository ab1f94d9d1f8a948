import { connection } from "next/server";

// Rendered on every request (connection() opts out of prerendering), like every page of the app,
// but reading nothing: what Next's App Router costs for a page before any of our work.
export default async function FloorPage() {
  await connection();
  return (
    <main>
      <h1>Floor</h1>
      <p>{new Date().toISOString()}</p>
    </main>
  );
}
