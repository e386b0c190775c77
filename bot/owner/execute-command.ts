import { blockTime, unblockTime } from './block-commands';
import { showDay, showNext, showStats } from './day-commands';
import { moveVisit, pickMove } from './move-command';
import type { OwnerTurn } from './owner-turn';
import type { OwnerCommand } from './parse-command';
import { relayToCustomer } from './relay';
import { changeVisit } from './visit-commands';

/** One parsed owner command carried out over the booking services; the reply text. */
export async function executeCommand(t: OwnerTurn, command: OwnerCommand): Promise<string> {
  switch (command.kind) {
    case 'day':
      return showDay(t, command.when);
    case 'next':
      return showNext(t);
    case 'stats':
      return showStats(t);
    case 'status':
      return changeVisit(t, command.verb, command.ref);
    case 'cancel':
      return changeVisit(t, 'cancel', command.ref, command.reason);
    case 'move':
      return moveVisit(t, command.ref, command.when);
    case 'block':
      return blockTime(t, command);
    case 'unblock':
      return unblockTime(t, command.ref, command.when);
    case 'relay':
      return relayToCustomer(t, command.ref, command.text);
    case 'choice':
      // A number with no alternatives on offer: not a command.
      return (await pickMove(t, command.n)) ?? t.speech.say('ownerHelp');
    case 'missingReference':
      return t.speech.say('ownerNeedsReference', { command: command.word });
    case 'badDate':
      return t.speech.say('ownerBadDate', { text: command.text });
    case 'help':
    case 'unknown':
      return t.speech.say('ownerHelp');
  }
}
