import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { App, type aws_lex as lex } from 'aws-cdk-lib';
import { readBusinessFile } from '../booking/businesses/business-file';
import { generateLexBot } from '../dialogs/lex-bot';
import { buildAdminPage } from '../admin-web/build';
import { SETTING_KEYS, settingsFrom } from './settings';
import { TextbookStack } from './textbook-stack';

const REPOSITORY = join(__dirname, '..');

export interface TextbookAppOptions {
  /** CDK context (the CLI's `-c key=value`); the CLI's own arrives through CDK_CONTEXT_JSON. */
  context?: Record<string, unknown>;
  outdir?: string;
  /** Where the Lambda bundles are written first (a fresh temporary directory by default). */
  bundleDir?: string;
  /** CDK's template validation after synth (on unless turned off; CDK_VALIDATION=false too). */
  validation?: boolean;
}

/**
 * The CDK app: one stack, `Textbook`, in the shape the context asks for, with the Lex bot
 * generated from the business files it names. Offline: nothing here needs Docker, AWS credentials
 * or the network (the bundles come from the local esbuild; the image is only built by a deploy).
 */
export async function textbookApp(options: TextbookAppOptions = {}): Promise<{ app: App; stack: TextbookStack }> {
  const app = new App({
    context: options.context,
    outdir: options.outdir,
    ...(options.validation === undefined ? {} : { builtinCloudFormationValidation: options.validation }),
  });
  const settings = settingsFrom(Object.fromEntries(SETTING_KEYS.map((k) => [k, app.node.tryGetContext(k)])));
  const bundleDir = options.bundleDir ?? mkdtempSync(join(tmpdir(), 'textbook-bundles-'));
  const adminPageDir = join(bundleDir, 'admin-page');
  await buildAdminPage(adminPageDir);
  const stack = new TextbookStack(app, 'Textbook', {
    settings,
    botLocales: await botLocales(settings.businesses.split(',')),
    bundleDir,
    adminPageDir,
    description: `Textbook: booking by text (${settings.shape})`,
  });
  return { app, stack };
}

/** The Lex bot for these business files (paths relative to the repository), as CfnBot takes it. */
export async function botLocales(paths: string[]): Promise<lex.CfnBot.BotLocaleProperty[]> {
  const businesses = await Promise.all(paths.map((p) => readBusinessFile(isAbsolute(p) ? p : join(REPOSITORY, p))));
  return generateLexBot({ businesses }).botLocales as lex.CfnBot.BotLocaleProperty[];
}

/** `-c key=value` pairs, as the CDK CLI takes them, for `npm run infra:synth -- -c shape=containers …`. */
function contextFromArgs(args: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const pair = args[i] === '-c' || args[i] === '--context' ? args[++i] : undefined;
    const match = pair ? /^([^=]+)=(.*)$/.exec(pair) : null;
    if (!match) throw new Error(`expected -c key=value, got "${args[i]}"`);
    context[match[1]] = match[2];
  }
  return context;
}

if (require.main === module) {
  const bundleDir = mkdtempSync(join(tmpdir(), 'textbook-bundles-'));
  textbookApp({
    context: contextFromArgs(process.argv.slice(2)),
    outdir: process.env.CDK_OUTDIR ?? join(REPOSITORY, 'cdk.out'),
    bundleDir,
  })
    .then(({ app }) => {
      const assembly = app.synth();
      for (const stack of assembly.stacks) console.log(`${stack.stackName}: ${stack.templateFullPath}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    // The bundles were copied into the cloud assembly by synth.
    .finally(() => rmSync(bundleDir, { recursive: true, force: true }));
}
