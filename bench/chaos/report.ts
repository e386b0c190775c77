/**
 * One fault's line: what was sent and what became of it. Every count under `lost` must be 0;
 * the rest says how much traffic the fault saw.
 */
export interface FaultReport {
  fault: string;
  sent: number;
  answered: number;
  stored: number;
  remindersDue: number;
  remindersSent: number;
  duplicates: number;
  lost: Record<string, number>;
  [detail: string]: unknown;
}

export function faultReport(fault: string, counts: Partial<Omit<FaultReport, 'fault'>>): FaultReport {
  return {
    fault,
    sent: 0,
    answered: 0,
    stored: 0,
    remindersDue: 0,
    remindersSent: 0,
    duplicates: 0,
    lost: {},
    ...counts,
  };
}

/** How many of the messages with these SIDs are stored. */
export const STORED_SIDS = `SELECT count(*)::int AS n FROM message WHERE provider_sid = ANY($1)`;
