import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager, Repository } from 'typeorm';
import { currentActor, currentStore } from '../common/request-context.js';
import { badInput, conflict, forbidden, fromPostgresError, notFound } from '../common/app-error.js';
import { SortOrder, type ListArgs, type PageResult } from '../common/crud/list-args.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { MunicipalTrainingModule, RegionalTrainingModule, TrainingModule } from './training-module.entity.js';
import type { CreateTrainingModuleInput, TrainingModuleFilter, UpdateTrainingModuleInput } from './training.inputs.js';
import { Clock } from '../common/clock.js';

const MODULES_OF_REQUEST = Symbol('training modules of this request');

const SORTABLE = ['title', 'key', 'kind', 'validityMonths', 'updatedAt'] as const;

/**
 * The module library a caller sees: a municipality sees the region's published modules and
 * its own; a regional coordinator sees the region's library, drafts included. Who writes what
 * follows the caller: coordinators the regional library, municipal staff their own modules.
 * Row-level security enforces the same split in Postgres.
 */
@Injectable()
export class TrainingModulesService {
  constructor(
    private readonly db: TenantDb,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async all(): Promise<TrainingModule[]> {
    const em = await this.db.manager();
    const regional = await em.getRepository(RegionalTrainingModule).find();
    const own = isRegionWide() ? [] : await em.getRepository(MunicipalTrainingModule).find();
    return [...regional, ...own].map(TrainingModule.of);
  }

  async list(args: ListArgs, filter: TrainingModuleFilter | undefined): Promise<PageResult<TrainingModule>> {
    const field = (args.sortField ?? 'title') as (typeof SORTABLE)[number];
    if (!SORTABLE.includes(field)) {
      throw badInput(`Det går inte att sortera på "${field}". Välj bland: ${SORTABLE.join(', ')}.`, { sortField: 'okänt sorteringsfält' });
    }
    const q = filter?.q?.trim().toLowerCase();
    const rows = (await this.all()).filter(
      (m) =>
        (!filter?.ids || filter.ids.includes(m.id)) &&
        (!filter?.keys || filter.keys.includes(m.key)) &&
        (!filter?.scope || m.scope === filter.scope) &&
        (!filter?.audience || m.audience.includes(filter.audience)) &&
        (!filter?.kind || m.kind === filter.kind) &&
        (filter?.requirable === undefined || filter.requirable === null || m.requirable === filter.requirable) &&
        (!q || m.title.toLowerCase().includes(q) || m.key.includes(q)),
    );
    const dir = args.sortOrder === SortOrder.DESC ? -1 : 1;
    rows.sort((a, b) => dir * compare(a[field], b[field]) || a.id.localeCompare(b.id));
    return { items: rows.slice((args.page - 1) * args.perPage, args.page * args.perPage), total: rows.length };
  }

  async get(id: string): Promise<TrainingModule | null> {
    return (await this.all()).find((m) => m.id === id) ?? null;
  }

  /** The module a key names, as the caller's municipality sees it. */
  /**
   * A list of completions asks for each record's module: the modules are read once per request
   * (not once per record, issue 12) and forgotten when the request writes one.
   */
  async byKey(key: string): Promise<TrainingModule | null> {
    const store = currentStore();
    store.loaders ??= new Map();
    let all = store.loaders.get(MODULES_OF_REQUEST) as Promise<TrainingModule[]> | undefined;
    if (!all) store.loaders.set(MODULES_OF_REQUEST, (all = this.all()));
    return (await all).find((m) => m.key === key) ?? null;
  }

  async create(input: CreateTrainingModuleInput): Promise<TrainingModule> {
    const actor = currentActor()!;
    const values = {
      id: randomUUID(),
      key: input.key,
      title: input.title.trim(),
      description: input.description ?? '',
      audience: input.audience,
      kind: input.kind,
      url: input.url ?? null,
      validityMonths: input.validityMonths ?? null,
      requirable: input.requirable ?? false,
    };
    if (isRegionWide()) {
      const slug = this.directory.municipalitiesIn(actor.regionId).find((m) => input.key.startsWith(`${m.slug}-`))?.slug;
      if (slug) throw badInput(`Nycklar som börjar med "${slug}-" hör till kommunens egna utbildningar.`, { key: 'upptagen av en kommun' });
      return this.write(async (em) => {
        await this.assertKeyFree(em, input.key);
        const row = em.getRepository(RegionalTrainingModule).create({ ...values, regionId: actor.regionId, publishedAt: null });
        return TrainingModule.of(await em.getRepository(RegionalTrainingModule).save(row));
      });
    }
    const tenantId = this.db.tenantId();
    const slug = this.directory.municipality(tenantId)!.slug;
    // The prefix keeps a municipality's keys apart from the regional library's for good,
    // including modules the coordinators publish later.
    if (!input.key.startsWith(`${slug}-`)) {
      throw badInput(`Kommunens egna utbildningar har nycklar som börjar med "${slug}-".`, { key: `ska börja med ${slug}-` });
    }
    return this.write(async (em) => {
      await this.assertKeyFree(em, input.key);
      const row = em.getRepository(MunicipalTrainingModule).create({ ...values, tenantId });
      return TrainingModule.of(await em.getRepository(MunicipalTrainingModule).save(row));
    });
  }

  async update(id: string, input: UpdateTrainingModuleInput): Promise<TrainingModule> {
    const { repo, row } = await this.ownRow(id);
    const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return this.write(async () => TrainingModule.of(await (repo as Repository<typeof row>).save({ ...row, ...defined })));
  }

  async publish(id: string): Promise<TrainingModule> {
    const { row } = await this.ownRow(id);
    if (!('regionId' in row)) throw badInput('Bara regionala utbildningar publiceras.');
    if (row.publishedAt) return TrainingModule.of(row);
    const em = await this.db.manager();
    return TrainingModule.of(await em.getRepository(RegionalTrainingModule).save({ ...row, publishedAt: this.clock.now() }));
  }

  /** Published regional modules stay: municipalities' records and rule sets refer to them. */
  async remove(id: string): Promise<string> {
    const { repo, row } = await this.ownRow(id);
    if (row instanceof RegionalTrainingModule && row.publishedAt) {
      throw conflict('En publicerad utbildning kan inte tas bort: kommunernas utbildningsregister hänvisar till den.');
    }
    if (row instanceof MunicipalTrainingModule) {
      const em = await this.db.manager();
      const [{ used }] = await em.query(
        `select exists (select 1 from training_completion where module_key = $1)
             or exists (select 1 from practice_session where module_key = $1) as used`,
        [row.key],
      );
      if (used) throw conflict('Utbildningen har genomförda tillfällen eller övningssammanträden och kan inte tas bort.');
    }
    await this.write(() => repo.delete({ id }));
    return id;
  }

  /** The row the caller may change: coordinators the regional library, municipalities their own. */
  private async ownRow(id: string) {
    const em = await this.db.manager();
    if (isRegionWide()) {
      const repo = em.getRepository(RegionalTrainingModule);
      const row = await repo.findOne({ where: { id } });
      if (!row) throw notFound('Utbildningen', id);
      return { repo, row };
    }
    const repo = em.getRepository(MunicipalTrainingModule);
    const row = await repo.findOne({ where: { id } });
    if (!row) {
      if (await em.getRepository(RegionalTrainingModule).exists({ where: { id } })) {
        throw forbidden('Regionens utbildningar ändras av de regionala samordnarna.');
      }
      throw notFound('Utbildningen', id);
    }
    return { repo, row };
  }

  private async assertKeyFree(em: EntityManager, key: string): Promise<void> {
    const taken =
      (await em.getRepository(RegionalTrainingModule).exists({ where: { key } })) ||
      (!isRegionWide() && (await em.getRepository(MunicipalTrainingModule).exists({ where: { key } })));
    if (taken) throw conflict(`Det finns redan en utbildning med nyckeln "${key}".`);
  }

  private async write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    currentStore().loaders?.delete(MODULES_OF_REQUEST);
    const em = await this.db.manager();
    try {
      return await fn(em);
    } catch (err) {
      throw fromPostgresError(err) ?? err;
    }
  }
}

/** No municipality bound to the unit of work: a regional coordinator. */
export function isRegionWide(): boolean {
  const store = currentStore();
  return !(store.tenantId !== undefined ? store.tenantId : store.actor?.tenantId);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'sv');
}
