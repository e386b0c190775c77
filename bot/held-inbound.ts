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

/**
 * Inbound messages Postgres could not take: kept (inbound-spool.ts), answered with a holding
 * reply, and replayed in arrival order once Postgres is back. While this process has anything
 * kept, it keeps the messages that follow too, so that no customer's later message is answered
 * before an earlier one. A message whose replay fails stays kept, and so do the later messages of
 * the same customer, until the next pass.
 */
export class HeldInbound {
  private holding = false;
  /** Counts keeps, so a pass that found the spool empty does not forget a message kept meanwhile. */
  private kept = 0;
  private timer: NodeJS.Timeout | null = null;
  private passing: Promise<number> | null = null;

  constructor(private readonly deps: HeldInboundDeps) {}

  /** Whether new messages should be kept behind those waiting. */
  get active(): boolean {
    return this.holding;
  }

  /** Keeps a message; throws only when neither Redis nor the disk would take it. */
  async hold(message: InboundMessage): Promise<void> {
    this.kept += 1;
    this.holding = true;
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
    const keptBefore = this.kept;
    if (!(await this.deps.spool.pending())) {
      if (this.kept === keptBefore) this.holding = false;
      return 0;
    }
    if (!(await this.deps.databaseReady().catch(() => false))) return 0;
    const blocked = new Set<string>();
    let replayed = 0;
    for (const entry of await this.deps.spool.all()) {
      const conversation = `${entry.message.to} ${entry.message.from}`;
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
    if (blocked.size === 0 && this.kept === keptBefore && !(await this.deps.spool.pending())) this.holding = false;
    return replayed;
  }
}
