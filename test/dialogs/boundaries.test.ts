import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * dialogs/ may import only core/ (and its two libraries): infra/ loads it without a database. The
 * Lex engine alone also uses the Lex runtime client, which nothing infra/ loads (the bot
 * definition, dialogs/lex-bot/) may pull in.
 */

const ROOT = join(__dirname, '..', '..');
const ALLOWED_PACKAGES = new Set(['chrono-node', 'luxon']);
const LEX_ENGINE = join('dialogs', 'engine', 'lex');
const LEX_CLIENT = '@aws-sdk/client-lex-runtime-v2';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('dialogs/ boundaries', () => {
  const files = sourceFiles(join(ROOT, 'dialogs'));

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s imports only dialogs/, core/, chrono-node and luxon',
    (_name, file) => {
      const specifiers = [
        ...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*from\s+'([^']+)'/g),
      ].map((m) => m[1]);
      for (const specifier of specifiers) {
        if (!specifier.startsWith('.')) {
          if (specifier === LEX_CLIENT && relative(ROOT, file).startsWith(LEX_ENGINE)) continue;
          expect(ALLOWED_PACKAGES).toContain(specifier.split('/')[0]);
          continue;
        }
        const target = relative(ROOT, resolve(dirname(file), specifier));
        if (relative(ROOT, file).startsWith(join('dialogs', 'lex-bot')))
          expect(target).not.toMatch(/^dialogs\/engine\/(lex|create)/);
        expect({ specifier, top: target.split('/')[0] }).toEqual({
          specifier,
          top: expect.stringMatching(/^(dialogs|core)$/),
        });
      }
    },
  );
});
