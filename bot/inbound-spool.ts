import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/logger';
import type { Redis } from '../core/redis';
import type { InboundMessage } from './twilio/inbound-message';

/** A message kept while Postgres could not take it, with when it arrived (the replay's order). */
export interface SpooledMessage {
  message: InboundMessage;
  receivedAt: Date;
}

const Entry = z.object({
  message: z.object({
    sid: z.string(),
    channel: z.enum(['sms', 'whatsapp']),
    from: z.string(),
    to: z.string(),
    phone: z.string(),
    body: z.string(),
    media: z.array(z.object({ url: z.string(), contentType: z.string() })),
    profileName: z.string().optional(),
    optOutType: z.string().optional(),
  }),
  receivedAt: z.iso.datetime(),
  /** Orders messages that arrived in the same millisecond. */
  seq: z.number().int(),
});
type Entry = z.infer<typeof Entry>;

/** One kept message as the replay sees it, and how to let it go once it is in Postgres. */
export interface Kept extends SpooledMessage {
  done(): Promise<void>;
}

/**
 * Where inbound messages wait while Postgres cannot take them: a Redis list shared by every
 * instance, or, when Redis is away too, an append-only file of this process's own (one JSON line
 * a message, flushed to disk before Twilio is answered). Nothing here reads a database.
 */
export class InboundSpool {
  private seq = 0;
  private readonly file: string;
  /** Lines of taken files already replayed, so a replay that stopped half-way does not redo them. */
  private readonly doneOnDisk = new Set<string>();
  /** Disk writes and takes one at a time, so no line is appended to a file being taken. */
  private disk: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { redis: Redis; prefix: string; dir: string; log: Logger }) {
    this.file = join(deps.dir, `inbound-${process.pid}-${Date.now()}.jsonl`);
  }

  private get key(): string {
    return `${this.deps.prefix}:inbound-spool`;
  }

  /** Keeps a message; throws only when neither Redis nor the disk would take it. */
  async keep(message: InboundMessage, receivedAt: Date): Promise<'redis' | 'disk'> {
    const line = JSON.stringify({ message, receivedAt: receivedAt.toISOString(), seq: this.seq++ } satisfies Entry);
    try {
      await this.deps.redis.rpush(this.key, line);
      return 'redis';
    } catch (error) {
      this.deps.log.warn({ err: (error as Error).message }, 'Redis cannot keep the message either: kept on disk');
    }
    await this.onDisk(async () => {
      await mkdir(this.deps.dir, { recursive: true });
      const handle = await open(this.file, 'a');
      try {
        await handle.appendFile(`${line}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    return 'disk';
  }

  /**
   * Everything kept, oldest first, across Redis and this directory's files (a process that died
   * left its file behind: its messages are replayed too). Each entry's `done` removes it.
   */
  async all(): Promise<Kept[]> {
    const fromRedis = (await this.deps.redis.lrange(this.key, 0, -1)).flatMap((line) => {
      const entry = this.parse(line);
      return entry ? [{ entry, done: () => this.deps.redis.lrem(this.key, 1, line).then(() => undefined) }] : [];
    });
    return [...fromRedis, ...(await this.onDisk(() => this.diskEntries()))]
      .sort((a, b) => a.entry.receivedAt.localeCompare(b.entry.receivedAt) || a.entry.seq - b.entry.seq)
      .map(({ entry, done }) => ({ message: entry.message, receivedAt: new Date(entry.receivedAt), done }));
  }

  /** Whether anything is kept, in Redis or on disk. */
  async pending(): Promise<boolean> {
    const [inRedis, files] = await Promise.all([this.deps.redis.llen(this.key), this.spoolFiles()]);
    return inRedis > 0 || files.length > 0;
  }

  /**
   * The files' lines. A file is taken by renaming it first, so that this process's next message
   * kept on disk starts a new file instead of growing the one being replayed; a taken file is
   * removed once all its lines are done.
   */
  private async diskEntries(): Promise<{ entry: Entry; done: () => Promise<void> }[]> {
    const entries: { entry: Entry; done: () => Promise<void> }[] = [];
    for (const name of await this.spoolFiles()) {
      const path = join(this.deps.dir, name);
      const taken = name.endsWith('.replaying') ? path : `${path}.replaying`;
      if (taken !== path) await rename(path, taken);
      const readable = (await readFile(taken, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          const entry = this.parse(line);
          return entry ? [{ entry, id: `${taken}#${entry.seq}#${entry.message.sid}` }] : [];
        })
        .filter(({ id }) => !this.doneOnDisk.has(id));
      let left = readable.length;
      const finished = async () => {
        await rm(taken, { force: true });
        for (const { id } of readable) this.doneOnDisk.delete(id);
      };
      if (left === 0) await finished();
      for (const { entry, id } of readable)
        entries.push({
          entry,
          done: async () => {
            this.doneOnDisk.add(id);
            left -= 1;
            if (left === 0) await finished();
          },
        });
    }
    return entries;
  }

  private onDisk<T>(work: () => Promise<T>): Promise<T> {
    const next = this.disk.then(work);
    this.disk = next.catch(() => undefined);
    return next;
  }

  /** The spool files of this process and of processes no longer running (a crash left them). */
  private async spoolFiles(): Promise<string[]> {
    try {
      return (await readdir(this.deps.dir)).filter((name) => {
        const pid = /^inbound-(\d+)-\d+\.jsonl(\.replaying)?$/.exec(name)?.[1];
        return pid !== undefined && (Number(pid) === process.pid || !isRunning(Number(pid)));
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** A line that cannot be read (cut short by a crash mid-write) is logged by where it was and skipped. */
  private parse(line: string): Entry | null {
    try {
      return Entry.parse(JSON.parse(line));
    } catch {
      this.deps.log.error({ length: line.length }, 'a kept inbound message cannot be read; skipped');
      return null;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
