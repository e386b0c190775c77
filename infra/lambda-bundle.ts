import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..');

/** The functions deployed from this repository, by the entry file each bundle starts from. */
export const LAMBDA_ENTRIES = {
  api: 'api/lambda.ts',
  migrate: 'booking/cli/migrate-lambda.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/**
 * One file per function, by the esbuild installed with the dev dependencies: synth needs neither
 * Docker nor the network, and a cold start reads one file instead of resolving thousands. The
 * bundle is minified (less to parse) with names kept (TypeORM and stack traces read them). No
 * source map: its paths depend on where the bundle was written, so the asset's hash, and with it
 * the deployed code, would change on every synth.
 */
export interface BuiltBundle {
  /** The directory to hand to `Code.fromAsset` (it holds `index.js`). */
  dir: string;
  /** SHA-256 of the bundle: the same code gives the same hash on every machine. */
  hash: string;
}

export function bundleLambda(name: LambdaName, outRoot: string): BuiltBundle {
  const dir = bundleEntry(LAMBDA_ENTRIES[name], join(outRoot, name));
  return {
    dir,
    hash: createHash('sha256')
      .update(readFileSync(join(dir, 'index.js')))
      .digest('hex'),
  };
}

/** Bundles one entry file (relative to the repository) to `outdir/index.js`; returns `outdir`. */
export function bundleEntry(entry: string, outdir: string): string {
  mkdirSync(outdir, { recursive: true });
  const result = buildSync({
    absWorkingDir: ROOT,
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // ESM builds where a package has them: esbuild drops what nothing uses.
    mainFields: ['module', 'main'],
    // Native addons (argon2 for admin logins) ship beside the bundle as files.
    loader: { '.node': 'copy' },
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(`bundling ${entry}: ${result.errors.map((e) => e.text).join('; ')}`);
  return outdir;
}
