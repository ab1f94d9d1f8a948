/** One answer for every link that does not open (unknown, expired, not yet valid, revoked): no hint which. */
export default function LinkNotAvailable() {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Link not available</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        This link does not work (any more). Ask the person who sent it for a new one.
      </p>
    </main>
  );
}
