import type { Actor } from './actor';
import type { AppointmentRow } from './db/entities/appointment';
import type { AppointmentEvent } from './outbox-topics';
import type { AuditEntry } from './repositories/audit-log';

/** How an actor is written in the audit log. */
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

/**
 * One line of an appointment's history, written in the same transaction as the change: who did
 * what, with what it was before and after (`details`), and the version it left.
 */
export function appointmentAudit(
  event: AppointmentEvent | 'blocked',
  appointment: Pick<AppointmentRow, 'id' | 'businessId' | 'version'>,
  actor: Actor,
  details: Record<string, unknown>,
): AuditEntry {
  return {
    businessId: appointment.businessId,
    actor: actorLabel(actor),
    action: `appointment.${event}`,
    target: appointment.id,
    details: { ...details, version: appointment.version },
  };
}
