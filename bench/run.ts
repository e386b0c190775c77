/**
 * `npm run bench -- NAME`: runs one benchmark, printing one JSON line per measure, with the
 * ceiling it is compared against measured in the same run.
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  admin: () => import('./admin'),
  booking: () => import('./booking'),
  chaos: () => import('./chaos'),
  reminders: () => import('./reminders'),
  nlu: () => import('./nlu'),
  webhook: () => import('./webhook'),
  lambda: () => import('./lambda'),
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    console.error(`usage: npm run bench -- ${Object.keys(BENCHES).join('|')}`);
    process.exit(2);
  }
  await (await load()).run();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
