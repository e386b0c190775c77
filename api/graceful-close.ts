import type { FastifyInstance } from 'fastify';

/**
 * Stops taking requests and answers the ones in flight. Fastify closes the sockets idle when
 * closing starts; a socket whose request finishes later would stay open in keep-alive (72 s in
 * Fastify) and hold the close up, so idle sockets are swept until the server has closed.
 */
export async function closeGracefully(app: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}
