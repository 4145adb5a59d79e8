import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  adoptTemplate,
  diffRuleSets,
  newDraftFrom,
  publishRuleSet,
  selectVersionInForce,
  updateDraft,
  validateRuleSet,
  type BodyType,
  type RuleDifference,
  type RuleSetVersion,
} from '@motesplats/rules';
import { badInput, conflict, fromPostgresError, notFound } from '../common/app-error.js';
import { currentActor, perRequest } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { BodyKind } from '../bodies/bodies.public.js';
import { RegionalRulesService } from './regional-rules.service.js';
import { ruleSetContent, violationsError } from './rule-set-content.js';
import { RuleSetStatus, StoredRuleSetVersion } from './rule-set-version.entity.js';

/** Converted published versions, shared by every request of this process (see libraryVersions). */
const PUBLISHED_VERSIONS = new Map<string, RuleSetVersion>();
import { RuleSetSource, type CreateRuleSetDraftInput, type PublishRuleSetInput, type UpdateRuleSetDraftInput } from './rules.inputs.js';
import { Clock } from '../common/clock.js';

/** The stored row as the rules library reads it. */
export function toLibraryVersion(row: StoredRuleSetVersion): RuleSetVersion {
  return {
    municipalityId: row.tenantId,
    version: row.version,
    status: row.status,
    decision: { reference: row.decisionReference, decidedBy: row.decidedBy as BodyType, decidedOn: row.decidedOn },
    effectiveFrom: row.effectiveFrom,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    templateId: row.templateId,
    bodyTypes: row.content.bodyTypes,
    bodies: row.content.bodies ?? {},
  };
}

/**
 * The published version in force at `at` among a municipality's versions listed by `heads`
 * (read by the caller, newest first), from this process's converted versions alone: null when
 * the law baseline applies, undefined when a published version has not been read by this
 * process yet (the caller then goes the long way, through libraryVersions, which reads it).
 * Published versions never change, so the answer is as fresh as the list of heads.
 */
export function publishedInForce(heads: readonly { tenantId: string; id: string; status: string }[], at: Date): RuleSetVersion | null | undefined {
  const published: RuleSetVersion[] = [];
  const keys: string[] = [];
  for (const h of heads) {
    if (h.status !== RuleSetStatus.PUBLISHED) continue;
    const key = `${h.tenantId}:${h.id}:${h.status}`;
    const version = PUBLISHED_VERSIONS.get(key);
    if (!version) return undefined;
    published.push(version);
    keys.push(key);
  }
  // The same published versions and instant always choose the same one: a whole council's
  // members ask with the same meeting start, so the choice (dates in Stockholm time) is made once.
  const chosenKey = `${keys.join(',')}@${at.getTime()}`;
  if (CHOSEN.has(chosenKey)) return CHOSEN.get(chosenKey)!;
  if (CHOSEN.size > 10_000) CHOSEN.clear();
  const chosen = selectVersionInForce(published, at.toISOString());
  CHOSEN.set(chosenKey, chosen);
  return chosen;
}

/** Which published version is in force, by the versions' keys and the instant (see publishedInForce). */
const CHOSEN = new Map<string, RuleSetVersion | null>();

/**
 * The municipality's rule-set versions: drafts are edited and published here; published
 * versions never change (the library refuses, this service refuses, and a trigger refuses).
 * Every draft stays lawful: an update that loosens what the law requires is refused with the
 * library's violation codes.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    private readonly db: TenantDb,
    private readonly regional: RegionalRulesService,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  async history(): Promise<StoredRuleSetVersion[]> {
    const em = await this.db.manager();
    return em.getRepository(StoredRuleSetVersion).find({ order: { version: 'DESC' } });
  }

  /**
   * All versions, as the library reads them; once per request, since every evaluation needs
   * them. Published versions never change (a trigger refuses), so each is read and converted
   * once per process and kept by (municipality, id, status); a request then reads only the
   * list of versions, and drafts in full (issue 12: every member's join asks for the rules).
   */
  libraryVersions(): Promise<RuleSetVersion[]> {
    return perRequest('rules:versions', async () => {
      const em = await this.db.manager();
      const repo = em.getRepository(StoredRuleSetVersion);
      const heads = await repo.find({ select: { tenantId: true, id: true, version: true, status: true }, order: { version: 'DESC' } });
      const key = (v: Pick<StoredRuleSetVersion, 'tenantId' | 'id' | 'status'>) => `${v.tenantId}:${v.id}:${v.status}`;
      const drafts = new Map<string, RuleSetVersion>();
      const missing = heads.filter((h) => h.status === RuleSetStatus.DRAFT || !PUBLISHED_VERSIONS.has(key(h)));
      if (missing.length) {
        if (PUBLISHED_VERSIONS.size > 10_000) PUBLISHED_VERSIONS.clear();
        for (const row of await repo.find({ where: { id: In(missing.map((h) => h.id)) } })) {
          (row.status === RuleSetStatus.DRAFT ? drafts : PUBLISHED_VERSIONS).set(key(row), toLibraryVersion(row));
        }
      }
      return heads.map((h) => drafts.get(key(h)) ?? PUBLISHED_VERSIONS.get(key(h))).filter((v): v is RuleSetVersion => !!v);
    });
  }

  async get(id: string): Promise<StoredRuleSetVersion | null> {
    const em = await this.db.manager();
    return em.getRepository(StoredRuleSetVersion).findOne({ where: { id } });
  }

  private async getOrFail(id: string): Promise<StoredRuleSetVersion> {
    const row = await this.get(id);
    if (!row) throw notFound('Regelverksversionen', id);
    return row;
  }

  private async draftOrFail(id: string): Promise<StoredRuleSetVersion> {
    const row = await this.getOrFail(id);
    if (row.status !== RuleSetStatus.DRAFT) {
      throw conflict(`Version ${row.version} är publicerad och kan inte ändras; skapa ett nytt utkast från den.`);
    }
    return row;
  }

  /** The version in force at an instant (default now), or null when the law baseline applies. */
  async inForce(at: Date = this.clock.now()): Promise<StoredRuleSetVersion | null> {
    const rows = await this.history();
    const chosen = selectVersionInForce(rows.map(toLibraryVersion), at);
    return chosen ? rows.find((r) => r.version === chosen.version)! : null;
  }

  async createDraft(input: CreateRuleSetDraftInput): Promise<StoredRuleSetVersion> {
    const rows = await this.history();
    const existing = rows.find((r) => r.status === RuleSetStatus.DRAFT);
    if (existing) throw conflict(`Det finns redan ett utkast (version ${existing.version}); arbeta vidare i det eller ta bort det först.`);
    const version = (rows[0]?.version ?? 0) + 1;
    const decision = { reference: input.decisionReference?.trim() ?? '', decidedBy: (input.decidedBy ?? BodyKind.COUNCIL) as BodyType, decidedOn: null };
    let draft: RuleSetVersion;
    if (input.from === RuleSetSource.REGIONAL_TEMPLATE) {
      const template = await this.regional.latestTemplate();
      if (!template) throw badInput('Regionen har ingen publicerad mall att utgå från.', { from: 'ingen mall' });
      draft = adoptTemplate(template, { municipalityId: this.db.tenantId(), version, decision, effectiveFrom: input.effectiveFrom });
    } else {
      const base = (await this.inForce()) ?? rows.find((r) => r.status === RuleSetStatus.PUBLISHED);
      if (!base) throw badInput('Kommunen har ingen publicerad version att utgå från; utgå från regionens mall.', { from: 'ingen publicerad version' });
      draft = newDraftFrom(toLibraryVersion(base), version, { decision, effectiveFrom: input.effectiveFrom });
      draft.templateId = base.templateId;
    }
    return this.save(draft, randomUUID());
  }

  async updateDraft(id: string, input: UpdateRuleSetDraftInput): Promise<StoredRuleSetVersion> {
    const row = await this.draftOrFail(id);
    const current = toLibraryVersion(row);
    const content = input.content !== undefined ? ruleSetContent(input.content) : { bodyTypes: current.bodyTypes, bodies: current.bodies };
    const next: RuleSetVersion = {
      ...current,
      ...content,
      effectiveFrom: input.effectiveFrom ?? current.effectiveFrom,
      decision: {
        reference: input.decisionReference !== undefined ? input.decisionReference.trim() : current.decision.reference,
        decidedBy: (input.decidedBy ?? current.decision.decidedBy) as BodyType,
        decidedOn: input.decidedOn !== undefined ? input.decidedOn : (current.decision.decidedOn ?? null),
      },
    };
    const result = updateDraft(current, next);
    if (!result.ok) throw conflict(result.message.sv);
    const violations = await this.draftViolations(result.version);
    if (violations.length > 0) throw violationsError('Utkastet sparades inte:', violations);
    return this.save(result.version, row.id, row.createdAt);
  }

  async publish(id: string, input: PublishRuleSetInput): Promise<StoredRuleSetVersion> {
    const row = await this.draftOrFail(id);
    const draft: RuleSetVersion = {
      ...toLibraryVersion(row),
      decision: { reference: input.decisionReference.trim(), decidedBy: input.decidedBy as BodyType, decidedOn: input.decidedOn ?? null },
      effectiveFrom: input.effectiveFrom,
    };
    const result = publishRuleSet(draft, this.clock.now().toISOString(), { platformCatalog: await this.regional.catalog() });
    if (!result.ok) {
      if (result.violations.length > 0) throw violationsError(result.message.sv, result.violations);
      throw conflict(result.message.sv);
    }
    const actor = currentActor()!;
    return this.save(result.version, row.id, row.createdAt, actor.name || actor.username);
  }

  async deleteDraft(id: string): Promise<string> {
    await this.draftOrFail(id);
    const em = await this.db.manager();
    await em.getRepository(StoredRuleSetVersion).delete({ id });
    return id;
  }

  /**
   * Field-by-field difference between a version (default: the one in force, else the newest)
   * and the region's latest template. Empty when either is missing.
   */
  async diff(versionId?: string): Promise<RuleDifference[]> {
    const row = versionId ? await this.getOrFail(versionId) : ((await this.inForce()) ?? (await this.history())[0]);
    const template = await this.regional.latestTemplate();
    if (!row || !template) return [];
    return diffRuleSets(template, toLibraryVersion(row));
  }

  /**
   * A draft may still lack its decision (publishing supplies it), so it is checked as if the
   * council had decided it; everything else must already be lawful.
   */
  private async draftViolations(draft: RuleSetVersion) {
    const decision = draft.decision.reference ? draft.decision : { ...draft.decision, reference: 'utkast' };
    return validateRuleSet({ ...draft, decision }, { platformCatalog: await this.regional.catalog() });
  }

  private async save(version: RuleSetVersion, id: string, createdAt?: Date, publishedBy: string | null = null): Promise<StoredRuleSetVersion> {
    const em = await this.db.manager();
    const repo = em.getRepository(StoredRuleSetVersion);
    const row = repo.create({
      tenantId: this.db.tenantId(),
      id,
      version: version.version,
      status: version.status as RuleSetStatus,
      decisionReference: version.decision.reference,
      decidedBy: version.decision.decidedBy as BodyKind,
      decidedOn: version.decision.decidedOn ?? null,
      effectiveFrom: version.effectiveFrom,
      publishedAt: version.publishedAt ? new Date(version.publishedAt) : null,
      publishedBy,
      templateId: version.templateId,
      content: { bodyTypes: version.bodyTypes, bodies: version.bodies },
      ...(createdAt ? { createdAt } : {}),
    });
    try {
      return await repo.save(row);
    } catch (err) {
      throw fromPostgresError(err) ?? err;
    }
  }
}
