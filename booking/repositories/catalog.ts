import type { DataSource } from 'typeorm';
import { BusinessEntity, type BusinessRow } from '../db/entities/business';
import { ChannelEndpointEntity, type ChannelEndpointRow } from '../db/entities/channel-endpoint';
import { ServiceEntity, type ServiceRow } from '../db/entities/service';
import { StaffEntity, type StaffRow, StaffServiceEntity } from '../db/entities/staff';
import { NotFound } from '../errors';

export interface StaffMember extends StaffRow {
  serviceIds: string[];
}

/** Everything about a business that changes only when its file is loaded again. */
export interface Catalog {
  business: BusinessRow;
  services: ServiceRow[];
  staff: StaffMember[];
  endpoints: ChannelEndpointRow[];
}

/** Values kept for a while after they were stored: the one rule for how long this file caches. */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && Date.now() - entry.at < this.ttlMs ? entry.value : undefined;
  }

  set(key: string, value: V): V {
    this.entries.set(key, { value, at: Date.now() });
    return value;
  }

  /** Removes the key only while it still holds this value (a newer one stays). */
  deleteIfSame(key: string, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Reads catalogs and keeps them for a short while: every inbound message needs one, and they
 * change only on a seed or an admin edit (which call `forget`). The cache holds the load itself,
 * so the many messages that arrive while a catalog is being read share one read. Which business
 * owns a number expires alike: a seed in another process may move a number without `forget`.
 */
export class CatalogRepository {
  private readonly cache: ExpiringMap<Promise<Catalog>>;
  private readonly byAddressCache: ExpiringMap<string>;

  constructor(
    private readonly db: DataSource,
    ttlMs = 30_000,
  ) {
    this.cache = new ExpiringMap(ttlMs);
    this.byAddressCache = new ExpiringMap(ttlMs);
  }

  byId(businessId: string): Promise<Catalog> {
    return this.cache.get(businessId) ?? this.reload(businessId);
  }

  /** Reads one business's catalog again now (after an edit, or for someone about to edit it) and keeps that read. */
  reload(businessId: string): Promise<Catalog> {
    const catalog = this.cache.set(businessId, this.load(businessId));
    // A failed read is not kept: the next message tries again.
    catalog.catch(() => this.cache.deleteIfSame(businessId, catalog));
    return catalog;
  }

  async bySlug(slug: string): Promise<Catalog> {
    const business = await this.db.getRepository(BusinessEntity).findOneBy({ slug });
    if (!business) throw new NotFound('business', slug);
    return this.byId(business.id);
  }

  /** The business a message was sent to, by Twilio's `To` (`+1555…` or `whatsapp:+56…`). */
  async byAddress(address: string): Promise<Catalog | null> {
    let businessId = this.byAddressCache.get(address);
    if (!businessId) {
      const endpoint = await this.db.getRepository(ChannelEndpointEntity).findOneBy({ address });
      if (!endpoint) return null;
      businessId = endpoint.businessId;
      this.byAddressCache.set(address, businessId);
    }
    return this.byId(businessId);
  }

  /** How many businesses this deployment serves: what /health reports, and whether to seed the demo. */
  countBusinesses(): Promise<number> {
    return this.db.getRepository(BusinessEntity).count();
  }

  forget(): void {
    this.cache.clear();
    this.byAddressCache.clear();
  }

  private async load(businessId: string): Promise<Catalog> {
    const business = await this.db.getRepository(BusinessEntity).findOneBy({ id: businessId });
    if (!business) throw new NotFound('business', businessId);
    const [services, staff, endpoints] = await Promise.all([
      this.db.getRepository(ServiceEntity).find({ where: { businessId }, order: { position: 'ASC', key: 'ASC' } }),
      this.db.getRepository(StaffEntity).find({ where: { businessId }, order: { position: 'ASC', key: 'ASC' } }),
      this.db.getRepository(ChannelEndpointEntity).find({ where: { businessId } }),
    ]);
    const links = staff.length
      ? await this.db
          .getRepository(StaffServiceEntity)
          .createQueryBuilder('l')
          .where('l.staff_id IN (:...ids)', { ids: staff.map((s) => s.id) })
          .getMany()
      : [];
    return {
      business,
      services,
      endpoints,
      staff: staff.map((s) => ({ ...s, serviceIds: links.filter((l) => l.staffId === s.id).map((l) => l.serviceId) })),
    };
  }
}

export function serviceOf(catalog: Catalog, serviceId: string): ServiceRow {
  const service = catalog.services.find((s) => s.id === serviceId && s.active);
  if (!service) throw new NotFound('service', serviceId);
  return service;
}

/** Active staff who do this service, optionally narrowed to one person. */
export function staffFor(catalog: Catalog, serviceId: string, staffId?: string): StaffMember[] {
  const able = catalog.staff.filter((s) => s.active && s.serviceIds.includes(serviceId));
  if (!staffId) return able;
  const chosen = able.filter((s) => s.id === staffId);
  if (chosen.length === 0) throw new NotFound('staff for this service', staffId);
  return chosen;
}
