import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '../database/database.tokens.js';
import { Municipality, Region } from './municipality.entity.js';

/**
 * The region and municipality registry, held in memory: every authenticated request maps
 * its organization alias through it, and it changes only when a municipality joins.
 */
@Injectable()
export class DirectoryService implements OnModuleInit {
  private regionById = new Map<string, Region>();
  private municipalityById = new Map<string, Municipality>();
  /** Organization alias → place; every authenticated request looks up here. */
  private byAlias = new Map<string, { tenantId: string | null; regionId: string }>();

  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const [regions, municipalities] = await Promise.all([
      this.dataSource.getRepository(Region).find(),
      this.dataSource.getRepository(Municipality).find({ order: { name: 'ASC' } }),
    ]);
    this.regionById = new Map(regions.map((r) => [r.id, r]));
    this.municipalityById = new Map(municipalities.map((m) => [m.id, m]));
    this.byAlias = new Map<string, { tenantId: string | null; regionId: string }>([
      ...regions.map((r): [string, { tenantId: string | null; regionId: string }] => [r.slug, { tenantId: null, regionId: r.id }]),
      ...municipalities.map((m): [string, { tenantId: string | null; regionId: string }] => [m.slug, { tenantId: m.id, regionId: m.regionId }]),
    ]);
  }

  /** Organization alias → tenant: a municipality's slug, or a region's slug (tenant null). */
  resolve(alias: string): { tenantId: string | null; regionId: string } | undefined {
    return this.byAlias.get(alias);
  }

  municipality(id: string | null): Municipality | undefined {
    return id ? this.municipalityById.get(id) : undefined;
  }

  region(id: string): Region | undefined {
    return this.regionById.get(id);
  }

  regions(): Region[] {
    return [...this.regionById.values()];
  }

  /** Every municipality of every region: what the daily sweeps fan out to. */
  allMunicipalities(): Municipality[] {
    return [...this.municipalityById.values()];
  }

  municipalitiesIn(regionId: string): Municipality[] {
    return [...this.municipalityById.values()].filter((m) => m.regionId === regionId);
  }
}
