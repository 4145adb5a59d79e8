import { Injectable } from '@nestjs/common';
import { badInput } from '../common/app-error.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { DEFAULT_SETTINGS, MunicipalitySettings } from './municipality-settings.entity.js';

/** The current municipality's settings (defaults until it saves its own). */
@Injectable()
export class MunicipalitySettingsService {
  constructor(private readonly db: TenantDb) {}

  async current(): Promise<MunicipalitySettings> {
    const em = await this.db.manager();
    const saved = await em.getRepository(MunicipalitySettings).findOne({ where: { tenantId: this.db.tenantId() } });
    return settingsOrDefaults(this.db.tenantId(), saved);
  }

  async update(values: Partial<Pick<MunicipalitySettings, 'embedOrigins' | 'linkDeliveryLeadMinutes' | 'memberContact'>>): Promise<MunicipalitySettings> {
    if (values.embedOrigins) values.embedOrigins = values.embedOrigins.map(normaliseOrigin);
    if (typeof values.memberContact === 'string') values.memberContact = values.memberContact.trim() || null;
    const em = await this.db.manager();
    // null leaves a setting as it is, like leaving it out: both columns are required.
    const merged = { ...(await this.current()), ...Object.fromEntries(Object.entries(values).filter(([, v]) => v != null)) };
    return em.getRepository(MunicipalitySettings).save(merged);
  }
}

/** The municipality's saved settings, or the defaults until it saves its own. */
export function settingsOrDefaults(tenantId: string, saved: MunicipalitySettings | null): MunicipalitySettings {
  return saved ?? Object.assign(new MunicipalitySettings(), { tenantId, updatedAt: new Date(0), ...DEFAULT_SETTINGS, embedOrigins: [] });
}

/**
 * An embedding site as CSP frame-ancestors wants it: an https origin, nothing more. Anything
 * else (paths, wildcards, other schemes, quotes or spaces that would inject CSP) is refused.
 */
export function normaliseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badInput(`"${value}" är ingen webbadress.`, { embedOrigins: 'ogiltig webbadress' });
  }
  // The URL parser keeps ";", "*" and the like in a host, and CSP would read them as syntax or
  // wildcards: only letters, digits, hyphens and dots (IDNs arrive here as punycode).
  const plainHost = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(url.hostname);
  if (!plainHost || url.protocol !== 'https:' || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw badInput(`"${value}" måste vara en https-adress utan sökväg, t.ex. https://www.kommun.se.`, { embedOrigins: 'bara https-ursprung' });
  }
  return url.origin;
}

/** Whether a stored origin is still one normaliseOrigin would accept (rows saved before it was strict may not be). */
export function isPlainOrigin(value: string): boolean {
  try {
    return normaliseOrigin(value) === value;
  } catch {
    return false;
  }
}
