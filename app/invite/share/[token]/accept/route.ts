import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { appUrl } from "@/lib/email/config";
import { acceptShareInvitation } from "@/lib/sharing/share-invitations";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await acceptShareInvitation(token, await getSessionUser());
  const target = "url" in result ? result.url : `/invite/share/${token}?error=${encodeURIComponent(result.error)}`;
  return NextResponse.redirect(new URL(target, appUrl()), 303);
}
