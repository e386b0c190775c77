import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..');

/** The functions deployed from this repository, by the entry file each bundle starts from. */
export const LAMBDA_ENTRIES = {
  api: 'api/lambda.ts',
  admin: 'api/admin-lambda.ts',
  migrate: 'booking/cli/migrate-lambda.ts',
} as const;

/**
 * Packages a function never loads, left out of its bundle: the webhooks' and the migration's
 * code reaches the password module (through the booking services) but never signs anyone in,
 * so argon2's native addon stays with the admin function, and they run on Graviton.
 */
const LEFT_OUT: Record<keyof typeof LAMBDA_ENTRIES, string[]> = {
  api: ['@node-rs/argon2'],
  admin: [],
  migrate: ['@node-rs/argon2'],
};
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
  /**
   * The processor the bundle runs on: Graviton, unless it carries a native addon built for x86
   * (argon2 for admin logins, as npm installed it on an x86 machine). npm installs only the
   * addon of the machine it runs on, so the function follows what was bundled rather than load
   * a binary it cannot run.
   */
  architecture: 'arm64' | 'x86_64';
}

/** `beside`: directories copied next to `index.js`, by the name they take there (the admin page's files). */
export function bundleLambda(name: LambdaName, outRoot: string, beside: Record<string, string> = {}): BuiltBundle {
  const dir = bundleEntry(LAMBDA_ENTRIES[name], join(outRoot, name), LEFT_OUT[name]);
  for (const [as, from] of Object.entries(beside)) cpSync(from, join(dir, as), { recursive: true });
  return {
    dir,
    hash: createHash('sha256')
      .update(readFileSync(join(dir, 'index.js')))
      .digest('hex'),
    architecture: addonArchitecture(readdirSync(dir).filter((file) => file.endsWith('.node'))),
  };
}

/** napi-rs names its binaries after their platform (`argon2.linux-x64-gnu-<hash>.node` once copied). */
export function addonArchitecture(addons: readonly string[]): BuiltBundle['architecture'] {
  const kinds = new Set(
    addons.map((file) => {
      if (/linux-x64-gnu/.test(file)) return 'x86_64' as const;
      if (/linux-arm64-gnu/.test(file)) return 'arm64' as const;
      throw new Error(`${file}: a native addon Lambda (Amazon Linux, glibc) cannot load`);
    }),
  );
  if (kinds.size > 1) throw new Error(`native addons for two processors: ${addons.join(', ')}`);
  return kinds.values().next().value ?? 'arm64';
}

/** Bundles one entry file (relative to the repository) to `outdir/index.js`; returns `outdir`. */
export function bundleEntry(entry: string, outdir: string, external: string[] = []): string {
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
    external,
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
