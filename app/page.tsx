import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

export default async function Home() {
  const user = await requireUser();
  const [first] = await listMyWorkspaces(user);
  redirect(first ? `/w/${first.owner}/${first.slug}` : "/workspaces/new");
}
