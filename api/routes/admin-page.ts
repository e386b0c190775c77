import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where `npm run build:admin` puts the page (admin-web/build.ts); dist/admin-web/public in the image. */
export const ADMIN_PAGE_DIR = join(__dirname, '..', '..', 'admin-web', 'public');

/**
 * `/admin`: the built page (one script, one stylesheet) from the app's own origin, under a
 * content security policy that allows nothing else to run.
 */
export const adminPageRoutes: FastifyPluginAsync<{ publicBaseUrl: string; root?: string }> = async (app, options) => {
  const root = options.root ?? ADMIN_PAGE_DIR;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'connect-src': ["'self'"],
        // Over plain http (development) upgrading would point the page at an https that is not there.
        'upgrade-insecure-requests': options.publicBaseUrl.startsWith('https:') ? [] : null,
      },
    },
  });
  app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/admin/*', (_request, reply) =>
      reply.code(503).type('text/plain').send('The admin page is not built: run `npm run build:admin`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/admin/', index: 'index.html', maxAge: '1h' });
};
