import { Injectable } from '@nestjs/common';
import { currentStore, perRequest } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { DEFAULT_SUPPORT_SETTINGS, SupportSettingsRow } from './support-settings.entity.js';
import type { SupportPoolMunicipality, SupportSettingsModel } from './support.model.js';
import type { UpdateSupportSettingsInput } from './support.inputs.js';

const MEMO = Symbol('support:settings');

/** The municipality's pool opt-in and the preparation and after time every shift covers. */
@Injectable()
export class SupportSettingsService {
  constructor(private readonly db: TenantDb) {}

  /** Read once per request: needs, suggestions and shifts all ask for it. */
  get(): Promise<SupportSettingsModel> {
    return perRequest(MEMO, () => this.read());
  }

  private async read(): Promise<SupportSettingsModel> {
    const em = await this.db.manager();
    const row = await em.getRepository(SupportSettingsRow).findOne({ where: { tenantId: this.db.tenantId() } });
    return row ? { usesRegionalPool: row.usesRegionalPool, minutesBefore: row.minutesBefore, minutesAfter: row.minutesAfter } : { ...DEFAULT_SUPPORT_SETTINGS };
  }

  async update(input: UpdateSupportSettingsInput): Promise<SupportSettingsModel> {
    const current = await this.get();
    const next = {
      usesRegionalPool: input.usesRegionalPool ?? current.usesRegionalPool,
      minutesBefore: input.minutesBefore ?? current.minutesBefore,
      minutesAfter: input.minutesAfter ?? current.minutesAfter,
    };
    const em = await this.db.manager();
    await em.query(
      `insert into support_settings (tenant_id, uses_regional_pool, minutes_before, minutes_after) values ($1, $2, $3, $4)
       on conflict (tenant_id) do update set uses_regional_pool = excluded.uses_regional_pool, minutes_before = excluded.minutes_before,
         minutes_after = excluded.minutes_after, updated_at = now()`,
      [this.db.tenantId(), next.usesRegionalPool, next.minutesBefore, next.minutesAfter],
    );
    currentStore().loaders?.set(MEMO, Promise.resolve(next));
    return next;
  }

  /** The opt-ins of the coordinator's region: only through the function, which sees the caller's region alone. */
  async regionalOptins(): Promise<SupportPoolMunicipality[]> {
    const em = await this.db.manager();
    const rows: SupportPoolMunicipality[] = await em.query(
      'select municipality_id as "municipalityId", name, uses_pool as "usesRegionalPool" from regional_support_pool_optins()',
    );
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }
}
