import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { mayReadLocalMailbox } from "@/lib/http/local-request";
import { getMailboxMessage } from "@/lib/email/mailbox";
import { formatDateTime } from "@/lib/util/format";

export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!mayReadLocalMailbox(await headers())) notFound();
  const message = await getMailboxMessage((await params).id);
  if (!message) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/mailbox" className="text-sm underline">
        ← Mailbox
      </Link>
      <h1 className="mt-4 text-xl font-semibold">{message.subject}</h1>
      <p className="text-sm text-zinc-500">
        To {message.to} · {formatDateTime(message.createdAt)}
      </p>
      {/* The HTML is our own rendered template; a sandboxed frame keeps its styles and any script out of the app.
          Its buttons open in a new tab (target=_blank), so popups are allowed, and escape the sandbox so the
          opened app page works; the frame itself still runs no script. */}
      <iframe
        title="Message"
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={message.html}
        className="mt-6 h-[32rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
      />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm">Plain text</summary>
        <pre className="mt-2 whitespace-pre-wrap text-sm">{message.text}</pre>
      </details>
    </main>
  );
}
