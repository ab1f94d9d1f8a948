import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { mayReadLocalMailbox } from "@/lib/http/local-request";
import { listMailbox } from "@/lib/email/mailbox";
import { formatDateTime } from "@/lib/util/format";

export const metadata = { title: "Local mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!mayReadLocalMailbox(await headers())) notFound();
  const { to } = await searchParams;
  const messages = await listMailbox({ to });
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-xl font-semibold">Local mailbox</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Every e-mail this server sends lands here because no <code>RESEND_API_KEY</code> is set.{" "}
        {to ? (
          <>
            Showing mail to <strong>{to}</strong> ·{" "}
            <Link className="underline" href="/mailbox">
              show all
            </Link>
          </>
        ) : null}
      </p>
      <form className="mt-4 flex gap-2" action="/mailbox">
        <label htmlFor="to" className="sr-only">
          Recipient
        </label>
        <input
          id="to"
          name="to"
          defaultValue={to}
          placeholder="Filter by recipient"
          className="w-72 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button className="rounded-md border border-zinc-300 px-3 text-sm dark:border-zinc-700">Filter</button>
      </form>
      {messages.length === 0 ? (
        <p className="mt-10 text-center text-sm text-zinc-500">No messages yet.</p>
      ) : (
        <ul
          className="mt-6 divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
          aria-label="Messages"
        >
          {messages.map((m) => (
            <li key={m.id} className="p-4" data-testid="mail">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/mailbox/${m.id}`} className="font-medium hover:underline">
                  {m.subject}
                </Link>
                <time className="text-xs text-zinc-500" dateTime={m.createdAt.toISOString()}>
                  {formatDateTime(m.createdAt)}
                </time>
              </div>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                To {m.to} · {m.status}
              </p>
              {m.links.length > 0 ? (
                <ul className="mt-2 space-y-1">
                  {m.links.map((href) => (
                    <li key={href} className="truncate text-sm">
                      <a className="text-brand-700 underline dark:text-brand-500" href={href}>
                        {href}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
