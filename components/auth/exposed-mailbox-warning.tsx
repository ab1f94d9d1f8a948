/** Shown on /signin when sign-in links go to the local mailbox and the server is reachable from the network. */
export function ExposedMailboxWarning() {
  return (
    <div
      role="alert"
      className="mb-6 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-semibold">Warning: this server is reachable from the network and e-mail is not being sent.</p>
      <p className="mt-1">
        Sign-in links go to a local mailbox that only this machine can open. Ask the operator to set{" "}
        <code>RESEND_API_KEY</code>, or to run the server on localhost only.
      </p>
    </div>
  );
}
