import type { LinkScope } from "./actor";
import type { Resource } from "./resources";

/**
 * Rule: an access link reaches exactly its resource and, for a workspace or folder, what is
 * inside it (by folder ancestry); nothing else, whatever URL is asked for. A file request (an
 * upload-only link) reaches nothing at all: its uploads are authorised by lib/file-requests alone.
 */
export function linkCovers(link: LinkScope, resource: Resource): boolean {
  if (link.purpose !== "read") return false;
  if (resource.workspaceId !== link.workspaceId) return false;
  switch (link.resourceType) {
    case "workspace":
      return true;
    case "folder":
      return (
        (resource.type === "folder" && resource.id === link.resourceId) ||
        ((resource.type === "folder" || resource.type === "file") &&
          resource.ancestorFolderIds.includes(link.resourceId))
      );
    default:
      return resource.type === link.resourceType && resource.id === link.resourceId;
  }
}
