import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBusinessFile } from '../../booking/businesses/business-file';
import { DEMO_BUSINESS_FILES } from '../../booking/businesses/seed';
import { generateLexBot } from '../../dialogs/lex-bot';

/**
 * `npm run lex:definition -- [--out PATH] [BUSINESS_FILE...]`: the Lex V2 bot locales for these
 * businesses (the demo ones when none are named), as JSON in the shape aws-cdk-lib's `CfnBot`
 * takes for `botLocales`, on stdout or in PATH. A file or a definition Lex would refuse stops it
 * with every problem listed.
 */

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
  const paths = positionals.length > 0 ? positionals : DEMO_BUSINESS_FILES;
  const businesses = await Promise.all(paths.map(readBusinessFile));
  const json = `${JSON.stringify(generateLexBot({ businesses }), null, 2)}\n`;
  if (values.out) await writeFile(values.out, json);
  else process.stdout.write(json);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
