import type { Locale } from '../../core/locale';
import type { BookingServices } from '../../booking';
import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { CustomerDetails, CustomerRow } from '../../booking/db/entities/customer';
import type { Catalog } from '../../booking/repositories/catalog';
import type { NluContext, Understanding } from '../../dialogs/engine/types';
import type { Speech } from './speech';
import type { DialogState } from './state';

/** Everything one turn works with; the flows read it and change `state` and `customerChanges`. */
export interface TurnContext {
  booking: BookingServices;
  catalog: Catalog;
  customer: CustomerRow;
  channel: Channel;
  now: Date;
  /** The message as the customer wrote it. */
  text: string;
  understanding: Understanding;
  speech: Speech;
  state: DialogState;
  customerChanges: { name?: string; locale?: Locale; details?: CustomerDetails };
  /** The same message understood again with another day and time in focus (the visit being moved). */
  reread(focus: Focus): Promise<Understanding>;
}

export type Focus = Pick<NluContext, 'focusDay' | 'focusTime'>;
