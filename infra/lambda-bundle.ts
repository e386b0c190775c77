import { mkdirSync } from 'node:fs';
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
 * bundle is minified (less to parse) with names kept (TypeORM and the logs read class names);
 * the source map sits next to it for NODE_OPTIONS=--enable-source-maps when debugging.
 * Returns the directory to hand to `Code.fromAsset`.
 */
export function bundleLambda(name: LambdaName, outRoot: string): string {
  return bundleEntry(LAMBDA_ENTRIES[name], join(outRoot, name));
}

/** Bundles one entry file (relative to the repository) to `outdir/index.js`. */
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
    minify: true,
    keepNames: true,
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(`bundling ${entry}: ${result.errors.map((e) => e.text).join('; ')}`);
  return outdir;
}
