import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config';
import { createDataSource } from '../../core/db';
import { readBusinessFile } from '../../booking/businesses/business-file';
import { bookingSchema } from '../../booking/db/schema';
import { CatalogRepository } from '../../booking/repositories/catalog';
import { createLocalEngine } from '../../dialogs/engine/local';
import { EXPECTATIONS, type NluContext } from '../../dialogs/engine/types';
import { type NluTurn, nluContextOf, nluContextOfFile } from '../nlu-context';

/**
 * `npm run nlu -- --business SLUG [--now ISO] [--expecting WHAT]` or `--file business.yaml`:
 * one message per line on stdin, one JSON line per message on stdout, as the local engine
 * understands it. For trying phrases and building the corpus without the whole bot.
 */

const USAGE = `usage: npm run nlu -- (--business SLUG | --file PATH) [--now ISO-8601] [--expecting ${EXPECTATIONS.join('|')}]`;

type ContextFor = (now: Date, turn: NluTurn) => NluContext;

async function fromDatabase(slug: string): Promise<ContextFor> {
  const db = createDataSource(loadConfig(), bookingSchema);
  await db.initialize();
  try {
    const catalog = await new CatalogRepository(db).bySlug(slug);
    return (now, turn) => nluContextOf(catalog, now, turn);
  } finally {
    await db.destroy();
  }
}

async function fromFile(path: string): Promise<ContextFor> {
  const file = await readBusinessFile(path);
  return (now, turn) => nluContextOfFile(file, now, turn);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      business: { type: 'string' },
      file: { type: 'string' },
      now: { type: 'string' },
      expecting: { type: 'string' },
    },
  });
  const now = values.now ? new Date(values.now) : new Date();
  const expecting = EXPECTATIONS.find((e) => e === values.expecting) ?? null;
  if (
    Boolean(values.business) === Boolean(values.file) ||
    Number.isNaN(now.getTime()) ||
    (values.expecting && !expecting)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const contextFor = values.file ? await fromFile(values.file) : await fromDatabase(values.business as string);
  const turn: NluTurn = { expecting };
  const engine = createLocalEngine();
  for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!text.trim()) continue;
    const u = await engine.understand(text, contextFor(now, turn));
    const line = {
      text,
      intent: u.intent,
      service: u.serviceKey,
      staff: u.staffKey,
      start: u.when?.start ?? null,
      end: u.when?.end ?? null,
      grain: u.when?.grain ?? null,
      locale: u.locale,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
