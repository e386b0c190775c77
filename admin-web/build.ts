import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/** Where the app serves the page from (api/routes/admin-page.ts); git-ignored. */
export const PAGE_DIR = join(__dirname, 'public');

/**
 * Bundles the page: src/main.tsx (Preact) and its stylesheet, minified, names carrying a hash of
 * their content so they can be cached for good, and an index.html that names them. Run by
 * `npm start` (prestart), `npm run build`, and once per test run (test/helpers/global-setup.ts).
 */
export async function buildAdminPage(outDir = PAGE_DIR): Promise<string[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(__dirname, 'src', 'main.tsx') },
    outdir: outDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  const files = await readdir(outDir);
  const script = files.find((f) => /^app-.*\.js$/.test(f))!;
  const style = files.find((f) => /^app-.*\.css$/.test(f))!;
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>Textbook · Front desk</title>
<link rel="stylesheet" href="/admin/${basename(style)}">
</head>
<body>
<div id="app"><p class="boot">Loading…</p></div>
<script type="module" src="/admin/${basename(script)}"></script>
</body>
</html>
`,
  );
  return readdir(outDir);
}

if (require.main === module) {
  buildAdminPage(process.argv[2]).then(
    (files) => console.log(`admin page built: ${files.join(', ')}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
