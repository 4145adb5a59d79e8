import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { evaluateMeeting, stockholmDate, type TrainingCompletion } from '@motesplats/rules';
import { AuditService } from '../audit/audit.service.js';
import type { Body } from '../bodies/body.entity.js';
import { AppError, badInput, forbidden } from '../common/app-error.js';
import { currentActor, perRequest } from '../common/request-context.js';
import { TenantDb } from '../database/tenant-db.service.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { ComplianceFacts } from './compliance-facts.js';
import type { MeetingEvaluation } from './evaluation.model.js';
import { buildMeetingPlan, type MeetingRows } from './meeting-plan.builder.js';
import { RegionalRulesService } from './regional-rules.service.js';
import { RuleSetsService } from './rule-sets.service.js';
import { SubCommitteeRemoteDecision } from './sub-committee-remote-decision.entity.js';
import { BodiesService } from '../bodies/bodies.service.js';
import { BodyMembershipsService } from '../bodies/body-memberships.service.js';
import { MembersService } from '../members/members.service.js';

/** An override must say why, in words another person can review. */
export const OVERRIDE_REASON_MIN_LENGTH = 20;

/**
 * Judges meetings by the rules in force on their date: builds each plan from the database
 * (in batches, so a list of meetings costs a handful of queries, not a handful per meeting),
 * adds the facts, and hands everything to @motesplats/rules.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly db: TenantDb,
    private readonly ruleSets: RuleSetsService,
    private readonly regional: RegionalRulesService,
    private readonly audit: AuditService,
    private readonly facts: ComplianceFacts,
    private readonly bodies: BodiesService,
    private readonly seats: BodyMembershipsService,
    private readonly members: MembersService,
  ) {}

  /** Per request: every meeting whose compliance a query asks for is evaluated in one batch. */
  loader(): DataLoader<Meeting, MeetingEvaluation, string> {
    return perRequest(
      'rules:compliance',
      () => new DataLoader<Meeting, MeetingEvaluation, string>((meetings) => this.evaluateAll([...meetings]), { cacheKeyFn: (m) => m.id }),
    );
  }

  evaluate(meeting: Meeting): Promise<MeetingEvaluation> {
    return this.loader().load(meeting);
  }

  /**
   * Convening is refused while the evaluation has blockers, unless a tenant administrator
   * overrides with a written reason; the override is logged in the same transaction as the
   * status change, so neither exists without the other.
   */
  async assertMayConvene(meeting: Meeting, overrideReason: string | undefined): Promise<void> {
    const evaluation = await this.evaluate(meeting);
    const blockers = evaluation.findings.filter((f) => f.severity === 'blocker');
    if (blockers.length === 0) return;
    if (overrideReason === undefined || overrideReason === null) {
      throw new AppError(
        'RULE_VIOLATION',
        `Mötet kan inte kallas: ${blockers.length} hinder enligt reglerna för deltagande på distans. ${blockers.map((b) => b.message.sv).join(' ')}`,
        {
          blockers: blockers.map((b) => ({
            code: b.code,
            message: b.message.sv,
            messageEn: b.message.en,
            basis: b.basis.reference,
            memberId: b.memberId,
            itemId: b.itemId,
          })),
        },
      );
    }
    if (!currentActor()?.roles.includes('tenant-admin')) throw forbidden('Bara en administratör kan kalla till ett möte trots hinder.');
    const reason = overrideReason.trim();
    if (reason.length < OVERRIDE_REASON_MIN_LENGTH) {
      throw badInput(`Skriv en motivering på minst ${OVERRIDE_REASON_MIN_LENGTH} tecken till varför mötet kallas trots hindren.`, {
        overrideReason: 'är för kort',
      });
    }
    await this.audit.record({
      action: 'meeting.convene.override',
      subjectType: 'meeting',
      subjectId: meeting.id,
      reason,
      details: {
        meetingTitle: meeting.title,
        ruleSet: evaluation.ruleSet,
        blockers: blockers.map((b) => ({ code: b.code, message: b.message.sv, memberId: b.memberId, itemId: b.itemId })),
      },
    });
  }

  private async evaluateAll(meetings: Meeting[]): Promise<MeetingEvaluation[]> {
    const rows = await this.loadRows(meetings);
    const [versions, catalog] = await Promise.all([this.ruleSets.libraryVersions(), this.regional.catalog()]);
    const built = rows.map(buildMeetingPlan);
    const [training, trainingModuleTitles] = await Promise.all([this.trainingFor(built.map((b) => b.plan)), this.moduleTitles()]);
    // Without a support capability nobody is assigned, so required support shows as missing.
    const support = this.facts.support ? await this.facts.support.assignedFor(built.map((b) => b.plan.id)) : new Map<string, never[]>();
    return built.map(({ plan, facts }, i) => {
      const evaluation = evaluateMeeting({
        plan,
        facts: { ...facts, trainingCompletions: training.get(plan.id) ?? [], trainingModuleTitles, supportAssigned: support.get(plan.id) ?? [] },
        ruleSetVersions: versions,
        platformCatalog: catalog,
      });
      return {
        ...evaluation,
        members: plan.members.map((m) => ({ id: m.id, name: m.name ?? '', role: m.role, mode: m.mode, voting: m.voting })),
        items: rows[i]!.agendaItems.slice()
          .sort((a, b) => a.number - b.number)
          .map((item) => ({ id: item.id, number: item.number, title: item.title, kinds: foldKinds(item) })),
      } as MeetingEvaluation;
    });
  }

  /** One query per table for the whole batch; agenda and attendance share the meeting fields' loaders. */
  private async loadRows(meetings: Meeting[]): Promise<MeetingRows[]> {
    const em = await this.db.manager();
    const ids = meetings.map((m) => m.id);
    const bodyIds = [...new Set(meetings.map((m) => m.bodyId))];
    const [agendas, attendances, bodies, memberships, decisions] = await Promise.all([
      this.facts.meetings.agendaItemsOf(ids),
      this.facts.meetings.attendancesOf(ids),
      this.bodies.loadMany(bodyIds),
      this.seats.seatsOnBodies(bodyIds, 'role-then-age'),
      em.getRepository(SubCommitteeRemoteDecision).find({ where: { bodyId: In(bodyIds) } }),
    ]);
    const bodyById = new Map(bodies.filter(isBody).map((b) => [b.id, b]));
    const parentIds = [...new Set([...bodyById.values()].map((b) => b.parentBodyId).filter((id): id is string => !!id))];
    const memberIds = [...new Set(memberships.map((s) => s.memberId))];
    const [parents, members] = await Promise.all([
      this.bodies.loadMany(parentIds),
      memberIds.length ? this.members.identities(memberIds) : Promise.resolve([]),
    ]);
    const parentById = new Map(parents.filter(isBody).map((b) => [b.id, b]));
    const memberById = new Map(members.map((m) => [m.id, { name: m.name, identityLevel: m.identityLevel }]));
    return meetings.map((meeting, i) => {
      const body = bodyById.get(meeting.bodyId)!;
      const parent = body.parentBodyId ? (parentById.get(body.parentBodyId) ?? null) : null;
      const agenda = agendas[i];
      const attendance = attendances[i];
      if (agenda instanceof Error) throw agenda;
      if (attendance instanceof Error) throw attendance;
      return {
        meeting,
        body: { id: body.id, kind: body.kind, name: body.name },
        parent: parent ? { id: parent.id, kind: parent.kind } : null,
        subCommitteeDecisions: decisions.filter((d) => d.bodyId === body.id),
        memberships: memberships.filter((s) => s.bodyId === body.id),
        members: memberById,
        attendances: attendance,
        agendaItems: agenda,
      };
    });
  }

  /** Training valid on each meeting's date; without a training capability nobody has any. */
  /** The region's published modules and the municipality's own, so findings name a module by its title. */
  private async moduleTitles(): Promise<Record<string, string>> {
    const em = await this.db.manager();
    const rows: { key: string; title: string }[] = await em.query(
      `select key, title from regional_training_module where published_at is not null
       union all select key, title from training_module`,
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.title]));
  }

  private async trainingFor(plans: { id: string; start: string | Date; members: { id: string }[] }[]): Promise<Map<string, TrainingCompletion[]>> {
    const out = new Map<string, TrainingCompletion[]>();
    const training = this.facts.training;
    if (!training) return out;
    const byDate = new Map<string, typeof plans>();
    for (const plan of plans) {
      const date = stockholmDate(plan.start);
      if (!date) continue;
      byDate.set(date, [...(byDate.get(date) ?? []), plan]);
    }
    // Asked together, so the training facts can answer every date of the batch in one query.
    const perDate = await Promise.all(
      [...byDate].map(async ([date, group]) => {
        const memberIds = [...new Set(group.flatMap((p) => p.members.map((m) => m.id)))];
        return { group, completions: await training.completionsFor(memberIds, date) };
      }),
    );
    for (const { group, completions } of perDate) {
      for (const plan of group) {
        const own = new Set(plan.members.map((m) => m.id));
        out.set(
          plan.id,
          completions.filter((c) => own.has(c.memberId)),
        );
      }
    }
    return out;
  }
}

function foldKinds(item: { kinds: string[]; confidential: boolean; closedVote: boolean }): string[] {
  return [...new Set([...item.kinds, ...(item.confidential ? ['confidential'] : []), ...(item.closedVote ? ['closed_vote'] : [])])];
}

const isBody = (b: Body | null | Error): b is Body => b !== null && !(b instanceof Error);
