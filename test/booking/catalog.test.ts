import { seedBusiness } from '../../booking/businesses/seed';
import { CatalogRepository } from '../../booking/repositories/catalog';
import { testBusinessFile } from '../helpers/business';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const seed = (file: ReturnType<typeof testBusinessFile>) => seedBusiness(t.db, file, { production: false, env: {} });

it('routes a number moved to another business (re-seeded elsewhere) there once its cache expires', async () => {
  const moving = '+15550177001';
  const first = testBusinessFile((f) => (f.channels = [{ channel: 'sms', address: moving }]));
  const second = testBusinessFile((f) => (f.channels = [{ channel: 'sms', address: '+15550177002' }]));
  const [a, b] = [await seed(first), await seed(second)];
  const catalogs = new CatalogRepository(t.db, 200);
  expect((await catalogs.byAddress(moving))?.business.id).toBe(a.businessId);

  // Another process re-seeds both files: the number now belongs to the second business.
  await seed({ ...first, channels: [{ channel: 'sms', address: '+15550177003' }] });
  await seed({ ...second, channels: [...second.channels, { channel: 'sms', address: moving }] });
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect((await catalogs.byAddress(moving))?.business.id).toBe(b.businessId);
});
