import type { ReactNode } from "react";

/** The centred 404 answer; the app's and an access link's not-found pages differ only in height, words and action. */
export function NotFoundPanel({
  heightClass,
  title,
  children,
  action,
}: {
  /** a literal Tailwind min-height class, e.g. "min-h-[60vh]" */
  heightClass: string;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <main className={`flex ${heightClass} flex-col items-center justify-center px-4 text-center`}>
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
      {action}
    </main>
  );
}
