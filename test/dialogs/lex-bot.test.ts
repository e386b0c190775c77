import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { CfnBot } from 'aws-cdk-lib/aws-lex';
import { readBusinessFile, type BusinessFile } from '../../booking/businesses/business-file';
import { DEMO_BUSINESS_FILES } from '../../booking/businesses/seed';
import { INTENTS } from '../../dialogs/definition/intents';
import {
  generateLexBot,
  type LexBotDefinition,
  type LexBotLocale,
  LexBotError,
  lexBotProblems,
} from '../../dialogs/lex-bot';

/**
 * The Lex bot generated from the dialog definition and the demo catalogs, checked against Lex's
 * own rules (names, utterance characters, slots, quotas, ambiguity) rather than against a copy
 * of itself, and synthesized through aws-cdk-lib's CfnBot with CloudFormation's schema checks on.
 */

const NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
const SLOT = /\{([^{}]*)\}/g;

let demo: BusinessFile[];
let bot: LexBotDefinition;

beforeAll(async () => {
  demo = await Promise.all(DEMO_BUSINESS_FILES.map(readBusinessFile));
  bot = generateLexBot({ businesses: demo });
});

const locale = (id: string): LexBotLocale => bot.botLocales.find((l) => l.localeId === id)!;
const clone = (): { botLocales: LexBotLocale[] } => JSON.parse(JSON.stringify(bot));
const utterancesOf = (l: LexBotLocale) =>
  l.intents.flatMap((i) => (i.sampleUtterances ?? []).map((u) => ({ intent: i, text: u.utterance })));
const valuesOf = (l: LexBotLocale, type: string) =>
  l.slotTypes
    .find((t) => t.name === type)!
    .slotTypeValues.flatMap((v) => [v.sampleValue.value, ...(v.synonyms ?? []).map((s) => s.value)]);

describe('the generated Lex bot', () => {
  it('has the locales en_US and es_419, each with every intent and one AMAZON.FallbackIntent', () => {
    expect(bot.botLocales.map((l) => l.localeId)).toEqual(['en_US', 'es_419']);
    for (const l of bot.botLocales) {
      const fallbacks = l.intents.filter((i) => i.parentIntentSignature === 'AMAZON.FallbackIntent');
      expect(fallbacks).toEqual([expect.objectContaining({ name: 'FallbackIntent' })]);
      expect(fallbacks[0].sampleUtterances ?? []).toEqual([]);
      const ours = INTENTS.filter((i) => !i.lexBuiltIn).map((i) => i.name);
      expect(l.intents.filter((i) => !i.parentIntentSignature).map((i) => i.name)).toEqual(ours);
      for (const intent of l.intents.filter((i) => !i.parentIntentSignature))
        expect(intent.sampleUtterances!.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('names intents, slots and slot types as Lex requires', () => {
    for (const l of bot.botLocales) {
      const names = [
        ...l.intents.map((i) => i.name),
        ...l.intents.flatMap((i) => (i.slots ?? []).map((s) => s.name)),
        ...l.slotTypes.map((t) => t.name),
      ];
      expect(names.filter((n) => !NAME.test(n))).toEqual([]);
    }
  });

  it('writes utterances with no punctuation beyond apostrophes and periods, each {slot} once and on its intent', () => {
    for (const l of bot.botLocales) {
      for (const { intent, text } of utterancesOf(l)) {
        const slots = [...text.matchAll(SLOT)].map((m) => m[1]);
        const own = new Set((intent.slots ?? []).map((s) => s.name));
        expect({ text, clean: /^[\p{L}\p{N} '.]*$/u.test(text.replace(SLOT, '')) }).toEqual({ text, clean: true });
        expect({
          text,
          undefined: slots.filter((s) => !own.has(s)),
          repeated: slots.length - new Set(slots).size,
        }).toEqual({ text, undefined: [], repeated: 0 });
        // Lex fills AMAZON.FreeFormInput only when it elicits it, never from an utterance.
        const freeForm = slots.filter(
          (s) => intent.slots!.find((d) => d.name === s)!.slotTypeName === 'AMAZON.FreeFormInput',
        );
        expect({ text, freeForm }).toEqual({ text, freeForm: [] });
      }
    }
  });

  it('gives no utterance to two intents of a locale', () => {
    for (const l of bot.botLocales) {
      const owners = new Map<string, string[]>();
      for (const { intent, text } of utterancesOf(l)) {
        const key = text.toLowerCase().replace(/\s+/g, ' ');
        owners.set(key, [...(owners.get(key) ?? []), intent.name]);
      }
      expect([...owners].filter(([, intents]) => new Set(intents).size > 1)).toEqual([]);
    }
  });

  it('gives every slot one slot priority and a type the locale defines or Lex has built in', () => {
    for (const l of bot.botLocales) {
      const types = new Set(l.slotTypes.map((t) => t.name));
      for (const intent of l.intents) {
        const slots = (intent.slots ?? []).map((s) => s.name);
        expect((intent.slotPriorities ?? []).map((p) => p.slotName).sort()).toEqual([...slots].sort());
        expect(new Set((intent.slotPriorities ?? []).map((p) => p.priority)).size).toBe(slots.length);
        for (const slot of intent.slots ?? [])
          expect(slot.slotTypeName.startsWith('AMAZON.') || types.has(slot.slotTypeName)).toBe(true);
      }
    }
  });

  it('stays inside the Spanish locale quotas, the smaller ones, in both locales', () => {
    for (const l of bot.botLocales) {
      expect(l.intents.length).toBeLessThanOrEqual(250);
      expect(l.slotTypes.length).toBeLessThanOrEqual(100);
      expect(utterancesOf(l).reduce((n, u) => n + u.text.length, 0)).toBeLessThanOrEqual(200_000);
      for (const intent of l.intents) expect((intent.sampleUtterances ?? []).length).toBeLessThanOrEqual(1500);
      for (const { text } of utterancesOf(l)) expect(text.length).toBeLessThanOrEqual(500);
      const words = l.slotTypes.flatMap((t) => valuesOf(l, t.name));
      expect(words.length).toBeLessThanOrEqual(50_000);
      expect(words.filter((w) => w.length < 1 || w.length > 140)).toEqual([]);
    }
  });

  it('puts both businesses’ services and staff in the slot types, each word under one value only', () => {
    // Names count in every language, synonyms in their own.
    expect(valuesOf(locale('en_US'), 'Service')).toEqual(
      expect.arrayContaining(['Oil change', 'Cambio de aceite', 'brakes', 'Consulta general', 'pediatrician']),
    );
    expect(valuesOf(locale('es_419'), 'Service')).toEqual(
      expect.arrayContaining(['Cambio de aceite', 'Oil change', 'frenos', 'Consulta general', 'pediatra']),
    );
    expect(valuesOf(locale('es_419'), 'Service')).not.toContain('pediatrician');
    for (const l of bot.botLocales) {
      expect(valuesOf(l, 'Staff')).toEqual(expect.arrayContaining(['Edgar', 'Dra. Soto', 'doctora soto', 'Dr. Pérez']));
      for (const type of l.slotTypes) {
        const folded = valuesOf(l, type.name).map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
        expect({ type: type.name, repeated: folded.filter((w, i) => folded.indexOf(w) !== i) }).toEqual({
          type: type.name,
          repeated: [],
        });
      }
    }
    // Edgar's "revisión" (diagnostics) and the clinic's (follow-up) become one word of the first.
    expect(valuesOf(locale('es_419'), 'Service').filter((w) => w === 'revisión')).toHaveLength(1);
    expect(valuesOf(locale('es_419'), 'Answer')).toEqual(expect.arrayContaining(['yes', 'no', 'sí', 'dale', 'nop']));
    expect(valuesOf(locale('en_US'), 'Answer')).not.toContain('👍');
  });

  it('reports nothing wrong with itself', () => {
    expect(lexBotProblems(bot)).toEqual([]);
  });
});

describe('the rules check', () => {
  it('catches each way a locale breaks Lex', () => {
    const broken = clone();
    const [en, es] = broken.botLocales;
    const book = en.intents.find((i) => i.name === 'Book')!;
    book.sampleUtterances!.push(
      { utterance: 'can you do {time}?' },
      { utterance: 'with {nobody}' },
      { utterance: '{date} or {date}' },
      { utterance: 'at {address}' },
      { utterance: 'what are your hours' },
    );
    (book as { slotPriorities: unknown[] }).slotPriorities = book.slotPriorities!.slice(1);
    en.intents.push({ name: 'Bad Name' });
    (es as { intents: unknown[] }).intents = es.intents.filter((i) => !i.parentIntentSignature);
    const problems = lexBotProblems(broken);
    for (const expected of [
      /en_US intent Book: "can you do \{time\}\?" has punctuation/,
      /"with \{nobody\}" names \{nobody\}, which is not a slot of the intent/,
      /"\{date\} or \{date\}" names a slot twice/,
      /"at \{address\}" names \{address\}, whose AMAZON.FreeFormInput Lex fills only when elicited/,
      /en_US: "what are your hours" is a sample of both Book and Hours/,
      /en_US intent Book: every slot needs .* exactly one slot priority/,
      /en_US intent Bad Name: the name does not match/,
      /es_419: a locale needs exactly one intent built on AMAZON.FallbackIntent/,
    ])
      expect(problems).toContainEqual(expect.stringMatching(expected));
  });

  it('counts the Spanish quotas: 251 intents is one too many', () => {
    const broken = clone();
    const es = broken.botLocales[1];
    const extra = Array.from({ length: 251 - es.intents.length }, (_, i) => ({ name: `Extra${i}` }));
    (es as { intents: unknown[] }).intents = [...es.intents, ...extra];
    expect(lexBotProblems(broken)).toEqual(['es_419: more than 250 intents']);
    (broken.botLocales[0] as { intents: unknown[] }).intents = [...broken.botLocales[0].intents, ...extra];
    expect(lexBotProblems(broken)).toEqual(['es_419: more than 250 intents']);
  });
});

describe('generateLexBot', () => {
  it('refuses a catalog that leaves a slot type with no value Lex can take', () => {
    const noWords = { ...demo[0], staff: [{ key: 'x', name: '🙂', aliases: [] }] };
    expect(() => generateLexBot({ businesses: [noWords] })).toThrow(LexBotError);
    expect(() => generateLexBot({ businesses: [noWords] })).toThrow(/slot type Staff: no values/);
  });

  it('leaves out retired services and staff', () => {
    const retired = {
      ...demo[0],
      services: demo[0].services.map((s) => ({ ...s, active: s.key !== 'battery' })),
    };
    const values = valuesOf(generateLexBot({ businesses: [retired] }).botLocales[0], 'Service');
    expect(values).not.toContain('Battery replacement');
    expect(values).toContain('Oil change');
  });

  it('keeps a sample that names a slot twice out of Lex, and the rest in', () => {
    const reschedule = locale('en_US').intents.find((i) => i.name === 'Reschedule')!;
    const source = INTENTS.find((i) => i.name === 'Reschedule')!.utterances.en;
    const repeating = source.filter((s) => (s.match(/\{date\}/g) ?? []).length > 1);
    expect(reschedule.sampleUtterances!.length).toBe(new Set(source).size - repeating.length);
  });
});

describe('deployment', () => {
  it('is the shape aws-cdk-lib CfnBot takes, and passes CloudFormation’s schema checks', () => {
    // A compile-time check as much as a runtime one: this line fails `tsc` if the shapes drift.
    const botLocales: CfnBot.BotLocaleProperty[] = bot.botLocales;
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'lex-bot-')) });
    try {
      new CfnBot(new Stack(app, 'Lex'), 'Bot', {
        name: 'textbook',
        roleArn: 'arn:aws:iam::123456789012:role/textbook-lex',
        dataPrivacy: { ChildDirected: false },
        idleSessionTtlInSeconds: 300,
        autoBuildBotLocales: false,
        botLocales,
      });
      const assembly = app.synth();
      const template = assembly.getStackByName('Lex').template;
      expect(template.Resources.Bot.Properties.BotLocales[1]).toMatchObject({
        LocaleId: 'es_419',
        Intents: expect.arrayContaining([
          { Name: 'FallbackIntent', Description: expect.any(String), ParentIntentSignature: 'AMAZON.FallbackIntent' },
        ]),
      });
      const report = join(assembly.directory, 'validation-report.json');
      const violations = existsSync(report)
        ? JSON.parse(readFileSync(report, 'utf8')).pluginReports.flatMap((r: { violations: unknown[] }) => r.violations)
        : [];
      expect(violations).toEqual([]);
    } finally {
      rmSync(app.outdir, { recursive: true, force: true });
    }
  }, 60_000);

  it('is what `npm run lex:definition` writes for the demo businesses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lex-definition-'));
    try {
      const out = join(dir, 'bot.json');
      await promisify(execFile)('npx', ['tsx', 'bot/cli/lex-definition.ts', '--out', out], {
        cwd: join(__dirname, '..', '..'),
      });
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(bot);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
