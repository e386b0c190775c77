import type { Locale } from './locale';

/**
 * One local day of a business as the owner reads it (the `today` command, the morning digest):
 * plain data, so booking/ can build it and dialogs/ can word it without knowing each other.
 */
export interface DayAgenda {
  timezone: string;
  /** The local day's first instant. */
  day: Date;
  entries: AgendaEntry[];
  /** Free time left in working hours, per staff member (staff null when the business has one). */
  free: FreeGap[];
}

export interface AgendaEntry {
  kind: 'visit' | 'block';
  /** An appointment status: pending_approval, booked, confirmed, in_progress, completed, no_show. */
  status: string;
  start: Date;
  end: Date;
  reference: string;
  serviceNames: Partial<Record<Locale, string>>;
  customer: string | null;
  /** Where to drive, for businesses that ask for an address. */
  address: string | null;
  /** The staff member's name when the business has more than one. */
  staff: string | null;
}

export interface FreeGap {
  staff: string | null;
  start: Date;
  end: Date;
}
