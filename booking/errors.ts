/**
 * Coded domain errors. The HTTP error handler, the bot's replies and the workers' retry logic
 * each translate them in one place, by `code`.
 */
export abstract class BookingError extends Error {
  abstract readonly code: BookingErrorCode;
}

/** Every code a BookingError can carry: each edge's translation is checked against this list. */
export type BookingErrorCode =
  | 'NOT_FOUND'
  | 'STALE_VERSION'
  | 'INVALID_TRANSITION'
  | 'INVALID_REQUEST'
  | 'RECIPIENT_OPTED_OUT';

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
  constructor(
    readonly appointmentId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`appointment ${appointmentId} is at version ${actual}, not ${expected}: it was changed meanwhile`);
    this.name = 'StaleVersion';
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
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequest';
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
