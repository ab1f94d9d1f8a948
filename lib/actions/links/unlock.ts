"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/client-address";
import { openAccessLink } from "@/lib/links/open-link";

export type UnlockState = { error?: string };

/**
 * The password form of an access link. A right password sets the link's unlock cookie (HttpOnly,
 * scoped to /, ending with the link) and reloads the page; wrong passwords count towards the
 * client's throttle like wrong tokens do.
 */
export async function unlockLinkAction(token: string, _state: UnlockState, form: FormData): Promise<UnlockState> {
  const password = String(form.get("password") ?? "");
  if (!password) return { error: "Enter the password." };
  const [jar, head, viewer] = await Promise.all([cookies(), headers(), getSessionUser()]);
  const opened = await openAccessLink(token, {
    client: clientAddress(head),
    viewer,
    password,
    cookies: (name) => jar.get(name)?.value,
  });
  switch (opened.status) {
    case "ok":
      if (opened.unlock) {
        jar.set(opened.unlock.name, opened.unlock.value, {
          httpOnly: true,
          sameSite: "lax",
          secure: process.env.NODE_ENV === "production" && (process.env.APP_URL ?? "").startsWith("https:"),
          path: "/",
          expires: opened.unlock.expires,
        });
      }
      redirect(`/s/${token}`);
    case "password":
      return { error: "That password is not right." };
    case "throttled":
      return { error: `Too many attempts. Try again in ${Math.ceil(opened.retryAfterSeconds / 60)} minutes.` };
    case "sign-in":
      redirect(`/signin?callbackUrl=${encodeURIComponent(`/s/${token}`)}`);
    default:
      return { error: "This link is not available." };
  }
}
