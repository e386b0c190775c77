import type { WeeklyHours } from './availability/weekly-hours';

export type IntakeField = 'name' | 'address' | 'vehicle' | 'notes';

/** A business's rules, stored as jsonb on business.settings; validated by the business file schema. */
export interface BusinessSettings {
  openingHours: WeeklyHours;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Minutes before the start at which reminders go out, e.g. [1440, 120]. */
  reminderOffsetsMinutes: number[];
  requiresApproval: boolean;
  intakeFields: IntakeField[];
  /** Extra opt-out words this business honours beyond Twilio's (e.g. BAJA, PARAR). */
  extraOptOutKeywords: string[];
  /** Local time of the owner's morning digest, "HH:MM". */
  digestTime: string;
  /** False keeps the business on the local engine when the deployment has a Lex bot; absent (older rows) is true. */
  useLex?: boolean;
}
