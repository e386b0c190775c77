import type { FastifyServerOptions } from 'fastify';
import type { TrustProxy } from '../core/config';

/**
 * Fastify's `trustProxy` for the TRUST_PROXY setting. A hop count becomes "the nearest N hops are
 * proxies" (Fastify's own number trusts nobody): meant for a deployment every request reaches
 * through its proxies, since a client that can reach the app directly could then name its own
 * address. Addresses are checked against the peer, and are the safer choice.
 */
export function trustProxyOption(setting: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return [...setting];
}
