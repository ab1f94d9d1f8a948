import { type EffectiveRole, allows } from "./roles";

/**
 * Rule: what the viewer may do to one row of a workspace's member list. The owner's place is
 * fixed; managers change the others' roles and remove them; anyone may leave. (The member
 * services enforce the same; this only decides which controls to show.)
 */
export function memberControls(
  viewer: { id: string; role: EffectiveRole | null },
  member: { userId: string; role: string },
): { changeRole: boolean; remove: boolean } {
  const fixed = member.role === "owner";
  const manages = allows(viewer.role, "manage");
  return { changeRole: !fixed && manages, remove: !fixed && (manages || member.userId === viewer.id) };
}
