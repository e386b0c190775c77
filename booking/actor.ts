/** Who made a change: decides who must be told about it, and what the audit log says. */
export type Actor =
  | { kind: 'customer'; customerId: string }
  | { kind: 'owner'; phone: string }
  | { kind: 'admin'; userId: string }
  | { kind: 'system' };

export function describeActor(actor: Actor): string {
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
