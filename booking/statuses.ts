import { InvalidTransition } from './errors';

export const APPOINTMENT_STATUSES = [
  'pending_approval',
  'booked',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold the staff member's time; the exclusion constraint lists the same ones. */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['pending_approval', 'booked', 'confirmed', 'in_progress'];

const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending_approval: ['booked', 'cancelled'],
  booked: ['confirmed', 'in_progress', 'completed', 'cancelled', 'no_show'],
  confirmed: ['in_progress', 'completed', 'cancelled', 'no_show'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function isActive(status: AppointmentStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The statuses an appointment in `from` may move to. */
export function transitionsFrom(from: AppointmentStatus): readonly AppointmentStatus[] {
  return TRANSITIONS[from];
}

function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransition(from, to);
}
