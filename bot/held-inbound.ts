import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { InboundSpool } from './inbound-spool';
import type { InboundMessage } from './twilio/inbound-message';

export interface HeldInboundDeps {
  spool: InboundSpool;
  clock: Clock;
  log: Logger;
  /** Whether Postgres takes work again (answers, with the schema this code expects). */
  databaseReady: () => Promise<boolean>;
  /** Runs a kept message's turn as if it had just arrived; its reply goes through the outbound queue. */
  replay: (message: InboundMessage) => Promise<void>;
  /** Between two looks at the spool. */
  everyMs: number;
}

/** A conversation as the spool's entries tell it: the business's number and the customer's. */
const conversationOf = (m: InboundMessage) => `${m.to} ${m.from}`;

/**
 * Inbound messages Postgres could not take: kept (inbound-spool.ts), answered with a holding
 * reply, and replayed in arrival order once Postgres is back. While a conversation has messages
 * kept by this process, its next messages are kept behind them, so that none of a customer's
 * messages overtakes an earlier one; other conversations go on as usual. A message whose replay
 * fails stays kept, and so do the later messages of its conversation, until the next pass.
 */
export class HeldInbound {
  /** Messages kept per conversation since it was last found with nothing kept. */
  private readonly keptBy = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private passing: Promise<number> | null = null;

  constructor(private readonly deps: HeldInboundDeps) {}

  /** Whether this message must wait behind messages of its conversation that are kept. */
  holds(message: InboundMessage): boolean {
    return this.keptBy.has(conversationOf(message));
  }

  /** Keeps a message; throws only when neither Redis nor the disk would take it. */
  async hold(message: InboundMessage): Promise<void> {
    const conversation = conversationOf(message);
    this.keptBy.set(conversation, (this.keptBy.get(conversation) ?? 0) + 1);
    const where = await this.deps.spool.keep(message, this.deps.clock.now());
    this.deps.log.warn({ sid: message.sid, keptIn: where }, 'inbound message kept until Postgres is back');
  }

  start(): void {
    this.timer ??= setInterval(() => void this.pass(), this.deps.everyMs).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.passing;
  }

  /** One replay pass (one at a time); returns how many kept messages were answered. */
  pass(): Promise<number> {
    this.passing ??= this.replayKept()
      .catch((error: unknown) => {
        this.deps.log.warn({ err: (error as Error).message }, 'replaying kept inbound messages failed');
        return 0;
      })
      .finally(() => {
        this.passing = null;
      });
    return this.passing;
  }

  private async replayKept(): Promise<number> {
    const before = new Map(this.keptBy);
    if (!(await this.deps.spool.pending())) {
      this.release(before, new Set());
      return 0;
    }
    if (!(await this.deps.databaseReady().catch(() => false))) return 0;
    const blocked = new Set<string>();
    let replayed = 0;
    for (const entry of await this.deps.spool.all()) {
      const conversation = conversationOf(entry.message);
      if (blocked.has(conversation)) continue;
      try {
        await this.deps.replay(entry.message);
        await entry.done();
        replayed += 1;
      } catch (error) {
        blocked.add(conversation);
        this.deps.log.warn({ err: (error as Error).message, sid: entry.message.sid }, 'kept message not replayed yet');
      }
    }
    if (replayed > 0) this.deps.log.info({ replayed }, 'answered inbound messages kept while Postgres was away');
    this.release(before, blocked);
    return replayed;
  }

  /**
   * Lets new messages of a conversation through again once all it had kept is answered: not when
   * its replay failed, nor when a message of it was kept after the pass read the spool.
   */
  private release(before: Map<string, number>, blocked: Set<string>): void {
    for (const [conversation, kept] of before)
      if (!blocked.has(conversation) && this.keptBy.get(conversation) === kept) this.keptBy.delete(conversation);
  }
}
