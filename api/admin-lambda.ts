import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBookingServices } from '../booking';
import { adminRoutes } from './admin-routes';
import { lambdaEntry } from './lambda-entry';

/**
 * The admin side's function: its API, the page and the calendar feeds. The page's files sit
 * beside the bundle (infra/lambda-bundle.ts copies them); run from source, the built page's usual place.
 */
const BUNDLED_PAGE = join(__dirname, 'admin-web');

export const { handler, shutdown } = lambdaEntry((runtime) => [
  adminRoutes(
    createBookingServices(runtime.db, runtime.clock),
    existsSync(join(BUNDLED_PAGE, 'index.html')) ? BUNDLED_PAGE : undefined,
  ),
]);
