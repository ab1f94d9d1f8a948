import "server-only";
import NextAuth from "next-auth";
import { clientAddress } from "@/lib/http/client-address";
import { authOptions } from "./options";
import { reserveSignInMail, SignInMailLimited } from "./sign-in-limits";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (request: Request, context: Context) => Promise<Response>;

export async function GET(request: Request, context: Context): Promise<Response> {
  return nextAuth(request, context);
}

/**
 * next-auth's endpoints, with the sign-in e-mail limits in front of the one endpoint that sends
 * mail (POST /api/auth/signin/email). Over a limit it answers 429 with Retry-After; the JSON
 * carries next-auth's `url` with error=RateLimited, so its client's signIn() reports the error.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action === "signin" && provider === "email") {
    const limited = await checkSignInMail(request);
    if (limited) return limited;
  }
  return nextAuth(request, context);
}

async function checkSignInMail(request: Request): Promise<Response | null> {
  const email = await requestedAddress(request);
  if (!email) return null; // next-auth rejects it without sending anything
  try {
    await reserveSignInMail({ email, client: clientAddress(request.headers) });
    return null;
  } catch (error) {
    if (!(error instanceof SignInMailLimited)) throw error;
    const url = new URL("/signin/error?error=RateLimited", process.env.NEXTAUTH_URL).toString();
    return Response.json(
      { url, code: error.code, message: error.message },
      { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
    );
  }
}

async function requestedAddress(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body = (await request.clone().json()) as { email?: unknown };
      return typeof body.email === "string" && body.email.trim() ? body.email : null;
    }
    const value = new URLSearchParams(await request.clone().text()).get("email");
    return value?.trim() ? value : null;
  } catch {
    return null;
  }
}
