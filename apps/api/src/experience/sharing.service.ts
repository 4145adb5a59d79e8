import { Injectable } from '@nestjs/common';
import { currentActor } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import type { SharingInput } from './experience.inputs.js';
import type { SharingSettings } from './experience.model.js';

interface Row {
  tenant_id: string;
  shares_rules: boolean;
  shares_aggregates: boolean;
  shares_reports: boolean;
  contact_email: string | null;
  updated_at: Date;
}

/**
 * What each municipality shares with its region. The municipality changes its own row; the
 * region's coordinators read every row of their region (a policy of its own). What is shared
 * is applied inside the regional database functions at each call, so a withdrawal counts at once.
 */
@Injectable()
export class SharingService {
  constructor(
    private readonly db: TenantDb,
    private readonly directory: DirectoryService,
  ) {}

  async mine(): Promise<SharingSettings> {
    const tenantId = this.db.tenantId();
    const em = await this.db.manager();
    const rows: Row[] = await em.query('select * from municipality_region_settings where tenant_id = $1', [tenantId]);
    return this.toModel(tenantId, rows[0]);
  }

  async update(input: SharingInput): Promise<SharingSettings> {
    const tenantId = this.db.tenantId();
    const current = await this.mine();
    const next = {
      sharesRules: input.sharesRules ?? current.sharesRules,
      sharesAggregates: input.sharesAggregates ?? current.sharesAggregates,
      sharesReports: input.sharesReports ?? current.sharesReports,
      contactEmail: input.contactEmail === undefined ? current.contactEmail : input.contactEmail,
    };
    const actor = currentActor();
    const em = await this.db.manager();
    await em.query(
      `insert into municipality_region_settings (tenant_id, shares_rules, shares_aggregates, shares_reports, contact_email, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, now())
       on conflict (tenant_id) do update set shares_rules = excluded.shares_rules, shares_aggregates = excluded.shares_aggregates,
         shares_reports = excluded.shares_reports, contact_email = excluded.contact_email, updated_by = excluded.updated_by, updated_at = now()`,
      [tenantId, next.sharesRules, next.sharesAggregates, next.sharesReports, next.contactEmail, actor?.username ?? ''],
    );
    return this.mine();
  }

  /** Every municipality of the coordinator's region, with what it shares. */
  async regional(): Promise<SharingSettings[]> {
    const em = await this.db.manager();
    const rows: Row[] = await em.query('select * from municipality_region_settings');
    const regionId = currentActor()!.regionId;
    return this.directory
      .municipalitiesIn(regionId)
      .map((m) =>
        this.toModel(
          m.id,
          rows.find((r) => r.tenant_id === m.id),
        ),
      )
      .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'sv'));
  }

  /** The office address for reminders of one municipality; read inside its own tenant transaction. */
  async contactEmail(): Promise<string | null> {
    return (await this.mine()).contactEmail;
  }

  private toModel(tenantId: string, row: Row | undefined): SharingSettings {
    return {
      municipalityId: tenantId,
      municipalityName: this.directory.municipality(tenantId)?.name ?? '',
      sharesRules: row?.shares_rules ?? true,
      sharesAggregates: row?.shares_aggregates ?? true,
      sharesReports: row?.shares_reports ?? true,
      contactEmail: row?.contact_email ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }
}
