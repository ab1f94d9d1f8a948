import { LinkRequestAccess } from "@/components/requests/link-request-access";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

/** One answer for every link that does not open (unknown, expired, not yet valid, revoked): no hint which. */
export default function LinkNotAvailable() {
  return (
    <NotFoundPanel heightClass="min-h-[70vh]" title="Link not available" action={<LinkRequestAccess />}>
      This link does not work (any more). Ask the person who sent it for a new one.
    </NotFoundPanel>
  );
}
