import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { appUrl } from "@/lib/email/config";
import { isSameOrigin } from "@/lib/http/same-origin";
import { acceptShareInvitation } from "@/lib/sharing/share-invitations";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  // A cross-site form must not accept (and so sign a visitor into) someone else's invitation.
  if (!isSameOrigin(request.headers)) {
    return NextResponse.json(
      { ok: false, code: "forbidden", message: "This form must be sent from this site." },
      { status: 403 },
    );
  }
  const { token } = await params;
  const result = await acceptShareInvitation(token, await getSessionUser());
  const target = "url" in result ? result.url : `/invite/share/${token}?error=${encodeURIComponent(result.error)}`;
  return NextResponse.redirect(new URL(target, appUrl()), 303);
}
