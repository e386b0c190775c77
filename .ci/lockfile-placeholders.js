#!/usr/bin/env node
// The registry mirror this project is built with serves only some platforms' binaries, so
// `npm install` leaves other platforms' optional packages (@swc/core-darwin-arm64, …) out of
// package-lock.json and `npm ci` then refuses the lock (npm/cli#9846). This adds a placeholder
// entry, marked optional and limited to its platform, for each such package; npm skips them
// on every other platform. Run it after any `npm install` that changes the lock.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const OSES = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPUS = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

let added = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split(/[-/]/);
    const os =
      OSES.find((o) => parts.includes(o)) ?? (parts.includes('wasi') || parts.includes('wasm32') ? 'none' : undefined);
    const cpu = CPUS.find((c) => parts.includes(c));
    if (!os) continue;
    lock.packages[`node_modules/${name}`] = {
      version: String(spec).replace(/^[\^~=]/, ''),
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added += 1;
  }
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b))]);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`placeholders added: ${added}`);
