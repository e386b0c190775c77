/** Who made a change: decides who must be told about it, and what the audit log says. */
export type Actor =
  | { kind: 'customer'; customerId: string }
  | { kind: 'owner'; phone: string }
  | { kind: 'admin'; userId: string }
  | { kind: 'system' };
