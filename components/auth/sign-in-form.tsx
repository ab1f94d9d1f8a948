"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const email = z.email();

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!email.safeParse(address).success) {
      setError("Enter a valid e-mail address, like name@example.com");
      return;
    }
    setError(undefined);
    setPending(true);
    const result = await signIn("email", { email: address, redirect: false, callbackUrl });
    setPending(false);
    if (result?.status === 429) {
      setError(
        "Too many sign-in links were asked for this address or from your network. Wait 15 minutes, then try again; the links already sent still work.",
      );
      return;
    }
    if (!result || result.error) {
      setError("We could not send a sign-in link to that address. Check it and try again.");
      return;
    }
    router.push(`/signin/check-email?email=${encodeURIComponent(address.toLowerCase())}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        label="E-mail address"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        error={error}
        placeholder="you@example.com"
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending link…" : "Send me a sign-in link"}
      </Button>
    </form>
  );
}
