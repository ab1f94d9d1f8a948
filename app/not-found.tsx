import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function NotFound() {
  return (
    <NotFoundPanel
      heightClass="min-h-[60vh]"
      title="Page not found"
      action={
        <Link href="/" className={buttonClass("primary", "mt-6")}>
          Go to my workspace
        </Link>
      }
    >
      It does not exist, or you do not have access to it.
    </NotFoundPanel>
  );
}
