import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isIsoDate, type IsoDate, localDate, type TrainingCompletion } from '@motesplats/rules';
import { badInput, conflict } from '../common/app-error.js';
import { CrudService } from '../common/crud/crud.service.js';
import { currentActor, perRequest } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { CompletionSource, TrainingCompletionRecord } from './training-completion.entity.js';
import type { TrainingFacts } from '../rules/compliance-facts.js';
import type { TrainingModule } from './training-module.entity.js';
import { TrainingModulesService } from './training-modules.service.js';
import type { TrainingCompletionFilter } from './training.inputs.js';
import { validUntil } from './validity.js';
import { Clock } from '../common/clock.js';
import { MembersService } from '../members/members.service.js';

/** A completion about to be written: what identifies it, and where it came from. */
export interface NewCompletion {
  memberId: string;
  moduleKey: string;
  completedOn: IsoDate;
  source: CompletionSource;
  practiceSessionId?: string | null;
}

/**
 * Completions: recorded one by one, imported, or earned at a practice session. Rows are only
 * ever added; member + module + completed date identify a completion, so recording the same
 * thing twice (a re-import, a second click on "attended") adds nothing.
 */
@Injectable()
export class TrainingCompletionsService extends CrudService<TrainingCompletionRecord, TrainingCompletionFilter> implements TrainingFacts {
  constructor(
    db: TenantDb,
    private readonly modules: TrainingModulesService,
    private readonly clock: Clock,
    private readonly members: MembersService,
  ) {
    super(db, {
      entity: TrainingCompletionRecord,
      label: 'Utbildningstillfället',
      sortable: { completedOn: 'completedOn', validUntil: 'validUntil', moduleKey: 'moduleKey', createdAt: 'createdAt' },
      defaultSort: 'completedOn',
      searchColumns: ['moduleKey'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<TrainingCompletionRecord>, f: TrainingCompletionFilter): void {
    if (f.memberId) qb.andWhere('r.memberId = :memberId', { memberId: f.memberId });
    if (f.moduleKey) qb.andWhere('r.moduleKey = :moduleKey', { moduleKey: f.moduleKey });
    if (f.source) qb.andWhere('r.source = :source', { source: f.source });
  }

  /**
   * The rules' training facts (ComplianceFacts): the completions valid on `onDate`, which is what the rules' evaluation
   * reads. Members' records are loaded once per request and batched across the calls made
   * together (one per meeting date), so judging a list of meetings costs one query.
   */
  async completionsFor(memberIds: string[], onDate: IsoDate): Promise<TrainingCompletion[]> {
    if (!memberIds.length) return [];
    const records = await this.recordsOf().loadMany(memberIds);
    return records
      .flatMap((r) => (r instanceof Error ? [] : r))
      .filter((c) => c.completedOn <= onDate && (c.validUntil == null || c.validUntil >= onDate))
      .map(({ memberId, moduleKey, completedOn, validUntil }) => ({ memberId, moduleKey, completedOn, validUntil }));
  }

  private recordsOf(): DataLoader<string, TrainingCompletion[]> {
    return perRequest(
      'training:records',
      () =>
        new DataLoader<string, TrainingCompletion[]>(async (memberIds) => {
          const em = await this.db.manager();
          const rows: (TrainingCompletion & { validUntil: string | null })[] = await em.query(
            `select member_id as "memberId", module_key as "moduleKey", completed_on::text as "completedOn", valid_until::text as "validUntil"
           from training_completion where member_id = any($1::uuid[]) order by member_id, module_key, completed_on`,
            [memberIds],
          );
          const byMember = new Map(memberIds.map((id) => [id, [] as TrainingCompletion[]]));
          for (const row of rows) byMember.get(row.memberId)?.push(row);
          return memberIds.map((id) => byMember.get(id)!);
        }),
    );
  }

  async record(memberId: string, moduleKey: string, completedOn: IsoDate): Promise<TrainingCompletionRecord> {
    if (!(await this.members.exists(memberId))) {
      throw badInput(`Ledamoten ${memberId} finns inte.`, { memberId: 'finns inte' });
    }
    const module = await this.modules.byKey(moduleKey);
    if (!module) throw badInput(`Utbildningen "${moduleKey}" finns inte.`, { moduleKey: 'finns inte' });
    const problem = dateProblem(completedOn, localDate(this.clock.now()));
    if (problem) throw badInput(problem, { completedOn: problem });
    const [inserted] = await this.insert([{ memberId, moduleKey, completedOn, source: CompletionSource.RECORDED }], new Map([[moduleKey, module]]));
    if (!inserted) throw conflict(`Utbildningen är redan registrerad för ledamoten den ${completedOn}.`);
    return (await this.get(inserted))!;
  }

  /**
   * Adds completions that do not exist yet and answers the ids of the new rows. Validity is
   * fixed when the completion is recorded, so a later change to a module's validity never
   * rewrites history.
   */
  async insert(rows: NewCompletion[], modules: Map<string, TrainingModule>): Promise<string[]> {
    if (!rows.length) return [];
    const tenantId = this.tenantId();
    // Shown to the secretary as "Registrerad av": the person's name, not their user name.
    const recordedBy = currentActor()?.name || currentActor()?.username || 'Mötesplats';
    const ids: string[] = [];
    for (let start = 0; start < rows.length; start += 1000) {
      const values = rows.slice(start, start + 1000).map((r) => ({
        tenantId,
        id: randomUUID(),
        memberId: r.memberId,
        moduleKey: r.moduleKey,
        completedOn: r.completedOn,
        validUntil: validUntil(r.completedOn, modules.get(r.moduleKey)?.validityMonths ?? null),
        source: r.source,
        practiceSessionId: r.practiceSessionId ?? null,
        recordedBy,
      }));
      const result = await this.write((tx) =>
        tx.createQueryBuilder().insert().into(TrainingCompletionRecord).values(values).orIgnore().returning(['id']).execute(),
      );
      ids.push(...(result.raw as { id: string }[]).map((r) => r.id));
    }
    this.recordsOf().clearAll();
    return ids;
  }

  /** Which of these completions are already recorded, by their identity. */
  async existing(rows: Pick<NewCompletion, 'memberId' | 'moduleKey' | 'completedOn'>[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const em: EntityManager = await this.db.manager();
    const found = await em.getRepository(TrainingCompletionRecord).find({
      select: { memberId: true, moduleKey: true, completedOn: true },
      where: { memberId: In([...new Set(rows.map((r) => r.memberId))]) },
    });
    return new Set(found.map(identity));
  }
}

export const identity = (c: Pick<NewCompletion, 'memberId' | 'moduleKey' | 'completedOn'>) => `${c.memberId}|${c.moduleKey}|${c.completedOn}`;

/** Why a completed date cannot be recorded, or null when it can. */
export function dateProblem(value: string, today: IsoDate): string | null {
  if (!isIsoDate(value)) return `"${value}" är inget giltigt datum (ÅÅÅÅ-MM-DD).`;
  if (value > today) return `Datumet ${value} ligger i framtiden.`;
  return null;
}
