import type { BookingServices } from '../../booking';
import type { Actor } from '../../booking/actor';
import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { Catalog } from '../../booking/repositories/catalog';
import type { DialogState } from '../dialog/state';
import type { Speech } from '../dialog/speech';

/**
 * One owner message being answered. The state is the customer dialog's shape: the one thing an
 * owner's conversation remembers is a move's numbered alternatives (`offered`, for the visit in
 * `target` at the version the owner saw).
 */
export interface OwnerTurn {
  booking: BookingServices;
  catalog: Catalog;
  ownerPhone: string;
  channel: Channel;
  now: Date;
  /** In the owner's language. */
  speech: Speech;
  state: DialogState;
}

export function ownerActor(t: OwnerTurn): Extract<Actor, { kind: 'owner' }> {
  return { kind: 'owner', phone: t.ownerPhone };
}
