/** Who made a change: decides who must be told about it, and what the audit log says. */
export type Actor =
  | { kind: 'customer'; customerId: string }
  | { kind: 'owner'; phone: string }
  | { kind: 'admin'; userId: string }
  | { kind: 'system' };

/** How the audit log names an actor: `owner:+15550109999`, `admin:<user id>`, `customer:<id>`, `system`. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'customer':
      return `customer:${actor.customerId}`;
    case 'owner':
      return `owner:${actor.phone}`;
    case 'admin':
      return `admin:${actor.userId}`;
    case 'system':
      return 'system';
  }
}

/** Owners and admins answer for what they change: their changes are written to the audit log. */
export function isAudited(actor: Actor): boolean {
  return actor.kind === 'owner' || actor.kind === 'admin';
}
