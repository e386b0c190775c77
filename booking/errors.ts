/**
 * Coded domain errors. The HTTP error handler, the bot's replies and the workers' retry logic
 * each translate them in one place, by `code`.
 */
export abstract class BookingError extends Error {
  abstract readonly code: BookingErrorCode;
  /** What an edge may show besides the message: the current state after a conflict, the alternatives. */
  readonly details?: Record<string, unknown>;
}

/** Every code a BookingError can carry: each edge's translation is checked against this list. */
export type BookingErrorCode =
  | 'NOT_FOUND'
  | 'STALE_VERSION'
  | 'INVALID_TRANSITION'
  | 'INVALID_REQUEST'
  | 'SLOT_UNAVAILABLE'
  | 'RECIPIENT_OPTED_OUT'
  | 'WHATSAPP_WINDOW_CLOSED';

export class NotFound extends BookingError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} not found`);
    this.name = 'NotFound';
  }
}

export class StaleVersion extends BookingError {
  readonly code = 'STALE_VERSION';
  declare readonly details?: { current: unknown };
  constructor(
    readonly appointmentId: string,
    readonly expected: number,
    readonly actual: number,
    current?: unknown,
  ) {
    super(`appointment ${appointmentId} is at version ${actual}, not ${expected}: it was changed meanwhile`);
    this.name = 'StaleVersion';
    if (current !== undefined) this.details = { current };
  }
}

/** The business's services or hours were edited since the version an edit started from. */
export class StaleCatalog extends BookingError {
  readonly code = 'STALE_VERSION';
  override readonly details: { current: unknown };
  constructor(expected: number, actual: number, current: unknown) {
    super(`the catalog is at version ${actual}, not ${expected}: it was changed meanwhile`);
    this.name = 'StaleCatalog';
    this.details = { current };
  }
}

/**
 * A time that cannot be booked or held, with why, and either the nearest free times
 * (`alternatives`) or what already holds it (`conflicts`).
 */
export class SlotUnavailable extends BookingError {
  readonly code = 'SLOT_UNAVAILABLE';
  override readonly details: { reason: string; alternatives?: unknown[]; conflicts?: unknown[] };
  constructor(reason: string, around: { alternatives?: unknown[]; conflicts?: unknown[] }) {
    super(`that time cannot be had: ${reason.replace(/_/g, ' ')}`);
    this.name = 'SlotUnavailable';
    this.details = { reason, ...around };
  }
}

export class InvalidTransition extends BookingError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`an appointment that is ${from} cannot become ${to}`);
    this.name = 'InvalidTransition';
  }
}

export class InvalidRequest extends BookingError {
  readonly code = 'INVALID_REQUEST';
  declare readonly details?: { field: string };
  /** `field` names what was wrong the way the request spells it, e.g. `body.hours.mon[0]`. */
  constructor(message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'InvalidRequest';
    if (field) this.details = { field };
  }
}

/** The recipient texted STOP (or Twilio said so): nothing may be sent to them until they opt in again. */
export class RecipientOptedOut extends BookingError {
  readonly code = 'RECIPIENT_OPTED_OUT';
  constructor(readonly businessId: string) {
    super('this recipient has opted out of messages from the business (they can text START to opt back in)');
    this.name = 'RecipientOptedOut';
  }
}

/**
 * WhatsApp lets a business write freely only within 24 hours of the person's last message; after
 * that only an approved template may go, and a reply typed by hand is none.
 */
export class WhatsappWindowClosed extends BookingError {
  readonly code = 'WHATSAPP_WINDOW_CLOSED';
  constructor() {
    super(
      'WhatsApp allows a free reply only within 24 hours of the customer’s last message; ask them to write first, or call them',
    );
    this.name = 'WhatsappWindowClosed';
  }
}
