import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { hashPassword, verifyPassword } from '../../core/password';
import type { BusinessSettings } from '../business-settings';
import {
  adminPasswordHash,
  endpointOwner,
  replaceEndpoints,
  upsertAdmin,
  upsertBusiness,
  upsertServices,
  upsertStaff,
} from '../repositories/business-writer';
import { inTransaction } from '../repositories/sql';
import { type BusinessFile, BusinessFileError, readBusinessFile } from './business-file';

/** Development only: printed at start, refused in production. */
export const DEMO_ADMIN_PASSWORD = 'textbook-demo';

export const DEMO_BUSINESS_FILES = [join(__dirname, 'demo', 'edgar.yaml'), join(__dirname, 'demo', 'clinica.yaml')];

export interface SeedOptions {
  production: boolean;
  env: Record<string, string | undefined>;
}

export interface SeedResult {
  businessId: string;
  slug: string;
  /** Rows really written; 0 when the file was already loaded. */
  changed: number;
  /** Admins who got the demo password because their file names no password variable. */
  demoAdmins: string[];
}

/** Loads one business file into the database in one transaction (idempotent). */
export async function seedBusiness(
  db: DataSource,
  file: BusinessFile,
  options: SeedOptions,
  source = file.slug,
): Promise<SeedResult> {
  const passwords = file.admins.map((admin, i) => {
    const fromEnv = admin.passwordEnv ? options.env[admin.passwordEnv] : undefined;
    if (fromEnv) return fromEnv;
    if (options.production) {
      throw new BusinessFileError(source, [
        `admins[${i}].passwordEnv: expected an environment variable holding ${admin.email}'s password (the demo password is refused in production)`,
      ]);
    }
    return DEMO_ADMIN_PASSWORD;
  });

  return inTransaction(db, async (tx) => {
    const business = await upsertBusiness(tx, {
      slug: file.slug,
      name: file.name,
      timezone: file.timezone,
      defaultLocale: file.locale,
      locales: file.locales ?? [file.locale],
      ownerPhones: file.ownerPhones,
      settings: settingsOf(file),
      whatsappTemplates: file.whatsappTemplates,
    });
    let changed = business.changed;

    for (const [i, channel] of file.channels.entries()) {
      const owner = await endpointOwner(tx, business.id, channel.address);
      if (owner)
        throw new BusinessFileError(source, [
          `channels[${i}].address: ${channel.address} already belongs to business "${owner}"`,
        ]);
    }
    changed += await replaceEndpoints(tx, business.id, file.channels);

    const services = await upsertServices(
      tx,
      business.id,
      file.services.map((s) => ({
        key: s.key,
        names: s.names,
        synonyms: s.synonyms,
        durationMinutes: s.durationMinutes,
        bufferMinutes: s.bufferMinutes ?? file.settings.bufferMinutes,
        priceCents: s.price === undefined ? null : Math.round(s.price * 100),
        active: s.active,
      })),
    );
    changed += services.changed;
    changed += await upsertStaff(
      tx,
      business.id,
      file.staff.map((m) => ({
        key: m.key,
        name: m.name,
        aliases: m.aliases,
        weeklyHours: m.hours ?? file.hours,
        active: m.active,
        serviceKeys: m.services ?? file.services.map((s) => s.key),
      })),
      services.ids,
    );

    const demoAdmins: string[] = [];
    for (const [i, admin] of file.admins.entries()) {
      const existing = await adminPasswordHash(tx, admin.email);
      if (existing && existing.businessId !== business.id) {
        throw new BusinessFileError(source, [
          `admins[${i}].email: ${admin.email} is already an admin of another business`,
        ]);
      }
      // Salted hashes differ every time: only rewrite when the password really changed.
      const unchanged = existing && (await verifyPassword(passwords[i], existing.passwordHash));
      changed += await upsertAdmin(tx, business.id, {
        email: admin.email,
        role: admin.role,
        passwordHash: unchanged ? undefined : await hashPassword(passwords[i]),
      });
      if (passwords[i] === DEMO_ADMIN_PASSWORD) demoAdmins.push(admin.email);
    }
    return { businessId: business.id, slug: file.slug, changed, demoAdmins };
  });
}

export async function seedBusinessFile(db: DataSource, path: string, options: SeedOptions): Promise<SeedResult> {
  return seedBusiness(db, await readBusinessFile(path), options, path);
}

function settingsOf(file: BusinessFile): BusinessSettings {
  const { bufferMinutes: _default, ...rest } = file.settings;
  return { ...rest, openingHours: file.hours };
}
