import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '@motesplats/api/database/database.tokens.js';
import { localDate } from '@motesplats/rules';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { errorCode, gql, startTestApp, tenantOf, type GraphQLResponse, type TestApp } from '../support/test-app.js';

const A = 'vanersborg';
const B = 'amal';
const DAY = 86_400_000;

type Finding = { code: string; severity: string; basis: { kind: string; reference: string }; memberId: string | null; itemId: string | null };
type Evaluation = {
  compliant: boolean;
  ruleSet: { source: string; version: number | null; decisionReference: string | null };
  findings: Finding[];
  remoteEligibility: { memberId: string; itemId: string; mayTakePartRemotely: boolean; reasons: { code: string }[] }[];
  quorum: { itemId: string; required: number; counted: number; countedRemote: number; hasQuorum: boolean; documentsDeliveredToAll: boolean | null }[];
};

const EVALUATION = `compliant ruleSet { source version decisionReference effectiveFrom }
  findings { code severity message { sv en } basis { kind reference } memberId itemId }
  remoteEligibility { memberId itemId plannedMode mayTakePartRemotely reasons { code message { sv } basis { reference } } }
  quorum { itemId seats required counted countedOnSite countedRemote countedMemberIds documentsDeliveredToAll hasQuorum basis { reference } }
  remoteParticipants { planned cap }
  members { id name role mode voting } items { id number title kinds }`;

function ok<T>(res: GraphQLResponse<T>): T {
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = [], setup?: string, setupParams: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    if (setup) await client.query(setup, setupParams);
    const rows = (await client.query<T>(text, params)).rows;
    await client.query('commit');
    return rows;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
const asTenant = (tenantId: string): [string, unknown[]] => [`select set_config('app.tenant_id', $1, true)`, [tenantId]];

describe('rules for remote participation over GraphQL', () => {
  let t: TestApp;
  let admin: string;
  let secretary: string;
  let adminB: string;
  let bodies: { id: string; kind: string; name: string }[];
  let yesterdaysMeeting: string;
  let yesterdaysEvaluation: Evaluation;

  const call = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token = admin) => gql<T>(t.url, token, query, variables);
  const evaluate = async (meetingId: string) =>
    ok(await call(`query($m: ID!) { evaluateMeeting(meetingId: $m) { ${EVALUATION} } }`, { m: meetingId })).evaluateMeeting as Evaluation;
  const body = (kind: string) => bodies.find((b) => b.kind === kind)!;

  async function createMeeting(
    bodyId: string,
    startsAt: Date,
    items: { title: string; confidential?: boolean; closedVote?: boolean }[],
    platformKey: string | null = 'jitsi_meet',
  ) {
    const meeting = ok(
      await call(
        `mutation($b: ID!, $s: DateTime!, $e: DateTime!, $p: String) { createMeeting(input: { bodyId: $b, title: "Provsammanträde", startsAt: $s, endsAt: $e, place: "Stadshuset, KF-salen", platformKey: $p }) { id } }`,
        { b: bodyId, s: startsAt.toISOString(), e: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(), p: platformKey },
      ),
    ).createMeeting as { id: string };
    const itemIds: string[] = [];
    for (const [i, item] of items.entries()) {
      const created = ok(
        await call(
          `mutation($m: ID!, $n: Int!, $t: String!, $c: Boolean, $v: Boolean) { createAgendaItem(input: { meetingId: $m, number: $n, title: $t, confidential: $c, closedVote: $v }) { id } }`,
          {
            m: meeting.id,
            n: i + 1,
            t: item.title,
            c: item.confidential ?? false,
            v: item.closedVote ?? false,
          },
        ),
      );
      itemIds.push(created.createAgendaItem.id);
    }
    return { id: meeting.id, itemIds };
  }

  async function attend(meetingId: string, memberId: string, mode: 'ON_SITE' | 'REMOTE' | 'ABSENT', extra: Record<string, unknown> = {}) {
    return ok(
      await call(
        `mutation($m: ID!, $p: ID!, $mode: AttendanceMode!, $c: Boolean, $d: Boolean) { createAttendance(input: { meetingId: $m, memberId: $p, mode: $mode, consentsToRemoteMeeting: $c, documentsDelivered: $d }) { id } }`,
        { m: meetingId, p: memberId, mode, c: extra.consents ?? null, d: extra.documents ?? null },
      ),
    ).createAttendance.id as string;
  }

  async function seats(bodyId: string) {
    return ok(
      await call('query($b: ID!) { bodyMemberships(filter: { bodyId: $b }, perPage: 100, sortField: "role") { items { memberId role } } }', { b: bodyId }),
    ).bodyMemberships.items as {
      memberId: string;
      role: string;
    }[];
  }

  /** An ordinary member the demo's training records have no valid basics course for. */
  async function untrainedMember(bodyId: string) {
    const missing = ok(
      await call(
        'query($b: ID!) { trainingCoverageMembers(filter: { bodyId: $b, moduleKeys: ["remote-participation-basics"], seatRole: MEMBER }, status: MISSING) { memberId } }',
        { b: bodyId },
      ),
    ).trainingCoverageMembers as { memberId: string }[];
    return { memberId: missing[0]!.memberId };
  }

  async function newBody(kind: string, name: string, people: number, parentBodyId: string | null = null) {
    const created = ok(
      await call('mutation($n: String!, $k: BodyKind!, $p: ID) { createBody(input: { name: $n, kind: $k, parentBodyId: $p }) { id } }', {
        n: name,
        k: kind,
        p: parentBodyId,
      }),
    ).createBody.id as string;
    const memberIds: string[] = [];
    for (let i = 0; i < people; i++) {
      const member = ok(await call('mutation($n: String!) { createMember(input: { name: $n }) { id } }', { n: `${name} ledamot ${i + 1}` })).createMember
        .id as string;
      ok(
        await call('mutation($b: ID!, $m: ID!, $r: MembershipRole!) { createBodyMembership(input: { bodyId: $b, memberId: $m, role: $r }) { id } }', {
          b: created,
          m: member,
          r: i === 0 ? 'CHAIR' : 'MEMBER',
        }),
      );
      memberIds.push(member);
    }
    return { id: created, memberIds };
  }

  /** A new version from the current one: no training or identity demanded. */
  async function publishRelaxedRules(effectiveFrom: string, token = admin) {
    const draft = ok(
      await call(
        'mutation($e: String!) { createRuleSetDraft(input: { from: CURRENT_VERSION, effectiveFrom: $e }) { id version content } }',
        { e: effectiveFrom },
        token,
      ),
    ).createRuleSetDraft;
    const content = structuredClone(draft.content);
    for (const rules of Object.values(content.bodyTypes) as { requiredTraining: unknown[]; identityCheck: string }[]) {
      rules.requiredTraining = [];
      rules.identityCheck = 'none';
    }
    ok(await call('mutation($id: ID!, $c: JSON!) { updateRuleSetDraft(id: $id, input: { content: $c }) { id } }', { id: draft.id, c: content }, token));
    return ok(
      await call(
        'mutation($id: ID!, $e: String!) { publishRuleSet(id: $id, input: { decisionReference: "KF 2026-11-20 § 101", decidedBy: COUNCIL, effectiveFrom: $e }) { id version status publishedAt } }',
        { id: draft.id, e: effectiveFrom },
        token,
      ),
    ).publishRuleSet as { id: string; version: number; status: string };
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token(A, ['tenant-admin']);
    secretary = t.realm.token(A, ['secretary']);
    adminB = t.realm.token(B, ['tenant-admin']);
    bodies = ok(await call('{ bodies(perPage: 50) { items { id kind name } } }')).bodies.items;

    // A council meeting held yesterday with a remote member, judged before any new rule exists …
    const yesterday = new Date(Date.now() - DAY - 2 * 3600_000);
    const held = await createMeeting(body('COUNCIL').id, yesterday, [{ title: 'Budget' }]);
    const member = await untrainedMember(body('COUNCIL').id);
    await attend(held.id, member.memberId, 'REMOTE');
    yesterdaysMeeting = held.id;
    yesterdaysEvaluation = await evaluate(held.id);
    // … then today the council publishes new rules, dated back to yesterday.
    const published = await publishRelaxedRules(localDate(yesterday));
    assert.equal(published.version, 2);
  });
  afterAll(() => t.close());

  it('seeds every demo municipality with a published rule set adopted from the regional template', async () => {
    const versions = ok(await call('{ ruleSetVersions { version status decisionReference effectiveFrom templateId } }', undefined, adminB)).ruleSetVersions;
    assert.deepEqual(versions, [
      {
        version: 1,
        status: 'PUBLISHED',
        decisionReference: 'KF 2020-04-20 § 102',
        effectiveFrom: '2020-05-01',
        templateId: demoId('template:fyrbodal-2021:1'),
      },
    ]);
    const template = ok(await call('{ regionalTemplate { key version name } platformCatalog { key gallerySize dataResidency } }')).regionalTemplate;
    assert.equal(template.key, 'fyrbodal-2021');
    const catalog = ok(await call('{ platformCatalog { key gallerySize dataResidency } }')).platformCatalog as { key: string }[];
    assert.deepEqual(catalog.map((p) => p.key).sort(), [
      'google_meet',
      'inera_digitala_moten',
      'jitsi_meet',
      'lifesize',
      'quickchannel',
      'skype_for_business',
      'teams',
      'zoom',
    ]);

    const strict = t.realm.token('trollhattan', ['tenant-admin']);
    const diff = ok(await call('{ ruleSetDiff { path templateValue municipalValue change } }', undefined, strict)).ruleSetDiff as {
      path: string;
      municipalValue: unknown;
      change: string;
    }[];
    assert.deepEqual(
      diff.find((d) => d.path === 'bodyTypes.council.identityCheck'),
      { path: 'bodyTypes.council.identityCheck', templateValue: 'municipal_account', municipalValue: 'e_id', change: 'tighter' },
    );
    const noCommittees = ok(await call('{ ruleSetDiff { path change } }', undefined, t.realm.token('bengtsfors', ['tenant-admin']))).ruleSetDiff as {
      path: string;
      change: string;
    }[];
    assert.ok(
      noCommittees.some((d) => d.path === 'bodyTypes.committee.remoteParticipation.allowed' && d.change === 'tighter'),
      JSON.stringify(noCommittees),
    );
    assert.deepEqual(ok(await call('{ ruleSetDiff { path } }', undefined, adminB)).ruleSetDiff, [], 'Åmål adopted the template unchanged');
  });

  it('leaves the evaluation of a meeting already held unchanged when a rule is published afterwards', async () => {
    const again = await evaluate(yesterdaysMeeting);
    assert.deepEqual(again, yesterdaysEvaluation);
    assert.equal(again.ruleSet.version, 1);
    assert.ok(
      again.findings.some((f) => f.code === 'TRAINING_MISSING'),
      'the old rules demanded training',
    );
    // The same plan tomorrow is judged by the new version, which no longer demands training.
    const tomorrow = await createMeeting(body('COUNCIL').id, new Date(Date.now() + 2 * DAY), [{ title: 'Budget' }]);
    const member = await untrainedMember(body('COUNCIL').id);
    await attend(tomorrow.id, member.memberId, 'REMOTE');
    const future = await evaluate(tomorrow.id);
    assert.equal(future.ruleSet.version, 2);
    assert.ok(!future.findings.some((f) => f.code === 'TRAINING_MISSING'));
  });

  it('council: remote members are ineligible exactly for the confidential and closed-vote items, quorum is per item, and a remote chair blocks convening', async () => {
    const council = body('COUNCIL');
    const meeting = await createMeeting(council.id, new Date(Date.now() + 20 * DAY), [
      { title: 'Budget' },
      { title: 'Personalärende', confidential: true },
      { title: 'Val av revisorer', closedVote: true },
      { title: 'Motioner' },
    ]);
    const [budget, confidential, closedVote, motions] = meeting.itemIds as [string, string, string, string];
    const councilSeats = await seats(council.id);
    const ordinary = councilSeats.filter((s) => s.role !== 'DEPUTY');
    const remote = ordinary.filter((s) => s.role === 'MEMBER').slice(0, 5);
    for (const s of remote) await attend(meeting.id, s.memberId, 'REMOTE');

    const evaluation = await evaluate(meeting.id);
    for (const s of remote) {
      const row = (itemId: string) => evaluation.remoteEligibility.find((e) => e.memberId === s.memberId && e.itemId === itemId)!;
      assert.equal(row(budget).mayTakePartRemotely, true);
      assert.equal(row(motions).mayTakePartRemotely, true);
      assert.equal(row(confidential).mayTakePartRemotely, false);
      assert.equal(row(closedVote).mayTakePartRemotely, false);
      assert.deepEqual(
        row(confidential).reasons.map((r) => r.code),
        ['ITEM_EXCLUDED'],
      );
      assert.deepEqual(
        row(closedVote).reasons.map((r) => r.code),
        ['ITEM_EXCLUDED'],
      );
    }
    const quorum = new Map(evaluation.quorum.map((q) => [q.itemId, q]));
    assert.equal(ordinary.length, 51);
    assert.deepEqual(
      [budget, confidential, closedVote, motions].map((i) => [quorum.get(i)!.counted, quorum.get(i)!.countedRemote, quorum.get(i)!.required]),
      [
        [51, 5, 26],
        [46, 0, 26],
        [46, 0, 26],
        [51, 5, 26],
      ],
    );
    assert.equal(evaluation.compliant, true, JSON.stringify(evaluation.findings.filter((f) => f.severity === 'blocker')));
    assert.equal(evaluation.findings.filter((f) => f.code === 'REMOTE_ON_EXCLUDED_ITEM').length, 10);

    // The chair plans to take part remotely.
    const chair = councilSeats.find((s) => s.role === 'CHAIR')!;
    const chairAttendance = await attend(meeting.id, chair.memberId, 'REMOTE');
    const withChair = await evaluate(meeting.id);
    const presidium = withChair.findings.find((f) => f.code === 'PRESIDIUM_NOT_ON_SITE')!;
    assert.equal(presidium.severity, 'blocker');
    assert.equal(presidium.memberId, chair.memberId);
    assert.match(presidium.basis.reference, /presidiet/);
    assert.ok(
      withChair.remoteEligibility
        .filter((e) => e.memberId === chair.memberId)
        .every((e) => !e.mayTakePartRemotely && e.reasons.some((r) => r.code === 'PRESIDIUM_MUST_BE_ON_SITE')),
    );

    const refused = await call<{ changeMeetingStatus: unknown }>('mutation($id: ID!) { changeMeetingStatus(id: $id, status: CONVENED) { status } }', {
      id: meeting.id,
    });
    assert.equal(errorCode(refused), 'RULE_VIOLATION');
    const blockers = (refused.errors![0]!.extensions as { blockers: { code: string; message: string; basis: string }[] }).blockers;
    assert.deepEqual(
      blockers.map((b) => b.code),
      ['PRESIDIUM_NOT_ON_SITE'],
    );
    assert.match(blockers[0]!.message, /Presidiet/);
    assert.match(blockers[0]!.basis, /presidiet/);
    const still = ok(await call('query($id: ID!) { meeting(id: $id) { status compliance { compliant } } }', { id: meeting.id })).meeting;
    assert.deepEqual(still, { status: 'PLANNED', compliance: { compliant: false } });

    // So many remote members that the items they must leave lose their quorum.
    ok(await call('mutation($id: ID!) { updateAttendance(id: $id, input: { mode: ON_SITE }) { id } }', { id: chairAttendance }));
    for (const s of ordinary.filter((o) => o.role === 'MEMBER').slice(5, 26)) await attend(meeting.id, s.memberId, 'REMOTE');
    const crowded = await evaluate(meeting.id);
    assert.deepEqual(
      crowded.findings.filter((f) => f.code === 'NO_QUORUM').map((f) => f.itemId),
      [confidential, closedVote],
    );
    assert.deepEqual(
      crowded.quorum.map((q) => q.hasQuorum),
      [true, false, false, true],
    );
  });

  it('sub-committee: a blocker until the parent committee allows remote participation, then it passes', async () => {
    const committee = body('COMMITTEE');
    const sub = await newBody('SUB_COMMITTEE', 'Arbetsutskottet', 3, committee.id);
    const meeting = await createMeeting(sub.id, new Date(Date.now() + 20 * DAY), [{ title: 'Remissvar' }]);
    await attend(meeting.id, sub.memberIds[2]!, 'REMOTE');

    const before = await evaluate(meeting.id);
    assert.ok(
      before.findings.some((f) => f.code === 'PARENT_BODY_NOT_ALLOWED' && f.severity === 'blocker'),
      JSON.stringify(before.findings),
    );
    assert.equal(before.compliant, false);
    const refused = await call('mutation($id: ID!) { changeMeetingStatus(id: $id, status: CONVENED) { status } }', { id: meeting.id });
    assert.equal(errorCode(refused), 'RULE_VIOLATION');

    const notASub = await call(
      'mutation($b: ID!) { recordSubCommitteeRemoteDecision(input: { bodyId: $b, allowsRemote: true, reference: "X", decidedOn: "2026-01-01" }) { id } }',
      { b: committee.id },
    );
    assert.equal(errorCode(notASub), 'BAD_USER_INPUT');
    const decision = ok(
      await call(
        'mutation($b: ID!, $d: String!) { recordSubCommitteeRemoteDecision(input: { bodyId: $b, allowsRemote: true, reference: "BUN 2026-11-20 § 12", decidedOn: $d }) { reference allowsRemote } }',
        {
          b: sub.id,
          d: localDate(new Date()),
        },
      ),
    );
    assert.deepEqual(decision.recordSubCommitteeRemoteDecision, { reference: 'BUN 2026-11-20 § 12', allowsRemote: true });

    const afterDecision = await evaluate(meeting.id);
    assert.ok(!afterDecision.findings.some((f) => f.code === 'PARENT_BODY_NOT_ALLOWED'));
    assert.equal(afterDecision.compliant, true, JSON.stringify(afterDecision.findings));
    assert.ok(afterDecision.remoteEligibility.find((e) => e.memberId === sub.memberIds[2])!.mayTakePartRemotely);
    const convened = await call('mutation($id: ID!) { changeMeetingStatus(id: $id, status: CONVENED) { status } }', { id: meeting.id });
    assert.equal(ok(convened).changeMeetingStatus.status, 'CONVENED');
    const listed = ok(await call('query($b: ID!) { body(id: $b) { subCommitteeRemoteDecisions { reference } } }', { b: sub.id })).body;
    assert.deepEqual(listed.subCommitteeRemoteDecisions, [{ reference: 'BUN 2026-11-20 § 12' }]);
  });

  it('company board: half the members taking part is no quorum; more than half with documents delivered is', async () => {
    const board = await newBody('COMPANY_BOARD', 'Vänersborgs Energi AB, styrelsen', 4);
    const quorumOf = async (modes: ('ON_SITE' | 'REMOTE' | 'ABSENT')[], documents: boolean[]) => {
      const meeting = await createMeeting(board.id, new Date(Date.now() + 20 * DAY), [{ title: 'Årsredovisning' }]);
      for (const [i, member] of board.memberIds.entries()) await attend(meeting.id, member, modes[i]!, { consents: true, documents: documents[i] });
      return (await evaluate(meeting.id)).quorum[0]!;
    };
    const half = await quorumOf(['ON_SITE', 'REMOTE', 'ABSENT', 'ABSENT'], [true, true, true, true]);
    assert.deepEqual([half.counted, half.required, half.hasQuorum], [2, 3, false]);
    const moreThanHalf = await quorumOf(['ON_SITE', 'REMOTE', 'REMOTE', 'ABSENT'], [true, true, true, true]);
    assert.deepEqual([moreThanHalf.counted, moreThanHalf.required, moreThanHalf.documentsDeliveredToAll, moreThanHalf.hasQuorum], [3, 3, true, true]);
    const withoutDocuments = await quorumOf(['ON_SITE', 'REMOTE', 'REMOTE', 'ABSENT'], [true, true, true, false]);
    assert.deepEqual([withoutDocuments.counted, withoutDocuments.documentsDeliveredToAll, withoutDocuments.hasQuorum], [3, false, false]);
  });

  it('convenes despite blockers only for a tenant administrator with a written reason, kept in the audit log', async () => {
    const council = body('COUNCIL');
    const meeting = await createMeeting(council.id, new Date(Date.now() + 25 * DAY), [{ title: 'Budget' }]);
    const chair = (await seats(council.id)).find((s) => s.role === 'CHAIR')!;
    await attend(meeting.id, chair.memberId, 'REMOTE');
    const convene = (reason: string | null, token = admin) =>
      call(
        'mutation($id: ID!, $r: String) { changeMeetingStatus(id: $id, status: CONVENED, overrideReason: $r) { status } }',
        { id: meeting.id, r: reason },
        token,
      );

    assert.equal(errorCode(await convene('För att.')), 'BAD_USER_INPUT');
    assert.equal(errorCode(await convene('Ordföranden är sjuk men leder från hemmet enligt presidiets beslut.', secretary)), 'FORBIDDEN');
    const noEntries = ok(await call('query($s: ID) { auditEntries(subjectId: $s) { id } }', { s: meeting.id })).auditEntries;
    assert.deepEqual(noEntries, [], 'a refused override leaves nothing behind');

    const reason = 'Ordföranden är sjuk; vice ordföranden leder från salen enligt presidiets beslut.';
    assert.equal(ok(await convene(reason)).changeMeetingStatus.status, 'CONVENED');
    const entries = ok(
      await call('query($s: ID) { auditEntries(subjectId: $s) { action subjectType subjectId reason actorName occurredAt details } }', { s: meeting.id }),
    ).auditEntries;
    assert.equal(entries.length, 1);
    assert.equal(entries[0].action, 'meeting.convene.override');
    assert.equal(entries[0].reason, reason);
    assert.equal(entries[0].actorName, `Test ${A}`);
    assert.deepEqual(
      entries[0].details.blockers.map((b: { code: string }) => b.code),
      ['PRESIDIUM_NOT_ON_SITE'],
    );
    assert.equal(errorCode(await call('{ auditEntries { id } }', undefined, secretary)), 'FORBIDDEN');

    // The API role may only append to the audit log.
    await assert.rejects(sql(t.appDatabaseUrl, `update audit_log set reason = 'ändrad'`, [], ...asTenant(tenantOf(A))), /permission denied/);
    await assert.rejects(sql(t.appDatabaseUrl, `delete from audit_log`, [], ...asTenant(tenantOf(A))), /permission denied/);
  });

  it('keeps drafts lawful and published versions immutable, in the service and in the database', async () => {
    const draft = ok(
      await call('mutation { createRuleSetDraft(input: { from: REGIONAL_TEMPLATE, effectiveFrom: "2027-01-01" }) { id version status content templateId } }'),
    ).createRuleSetDraft;
    assert.equal(draft.status, 'DRAFT');
    assert.equal(draft.templateId, demoId('template:fyrbodal-2021:1'));
    assert.equal(errorCode(await call('mutation { createRuleSetDraft(input: { from: CURRENT_VERSION, effectiveFrom: "2027-01-01" }) { id } }')), 'CONFLICT');

    const loosened = structuredClone(draft.content);
    loosened.bodyTypes.council.excludedItemKinds = ['closed_vote'];
    loosened.bodyTypes.committee.physicalPlaceRequired = false;
    const refused = await call('mutation($id: ID!, $c: JSON!) { updateRuleSetDraft(id: $id, input: { content: $c }) { id } }', { id: draft.id, c: loosened });
    assert.equal(errorCode(refused), 'BAD_USER_INPUT');
    const violations = (refused.errors![0]!.extensions as { violations: { code: string; path: string }[] }).violations;
    assert.deepEqual(
      violations.map((v) => [v.code, v.path]),
      [
        ['EXCLUDED_KIND_REMOVED', 'bodyTypes.council.excludedItemKinds'],
        ['PHYSICAL_PLACE_NOT_REQUIRED', 'bodyTypes.committee.physicalPlaceRequired'],
      ],
    );

    const tighter = structuredClone(draft.content);
    tighter.bodyTypes.council.maxRemoteParticipants = 8;
    const updated = ok(
      await call(
        'mutation($id: ID!, $c: JSON!) { updateRuleSetDraft(id: $id, input: { content: $c, decisionReference: "KF 2026-12-10 § 150" }) { content decisionReference } }',
        { id: draft.id, c: tighter },
      ),
    ).updateRuleSetDraft;
    assert.equal(updated.content.bodyTypes.council.maxRemoteParticipants, 8);
    const diff = ok(await call('query($v: ID) { ruleSetDiff(versionId: $v) { path templateValue municipalValue change } }', { v: draft.id })).ruleSetDiff;
    assert.deepEqual(diff, [{ path: 'bodyTypes.council.maxRemoteParticipants', templateValue: null, municipalValue: 8, change: 'tighter' }]);

    const noDecision = await call(
      'mutation($id: ID!) { publishRuleSet(id: $id, input: { decisionReference: "  ", decidedBy: COUNCIL, effectiveFrom: "2027-01-01" }) { id } }',
      { id: draft.id },
    );
    assert.equal(errorCode(noDecision), 'BAD_USER_INPUT');
    const published = ok(
      await call(
        'mutation($id: ID!) { publishRuleSet(id: $id, input: { decisionReference: "KF 2026-12-10 § 150", decidedBy: COUNCIL, decidedOn: "2026-12-10", effectiveFrom: "2027-01-01" }) { status publishedBy decidedOn } }',
        { id: draft.id },
      ),
    ).publishRuleSet;
    assert.deepEqual(published, { status: 'PUBLISHED', publishedBy: `Test ${A}`, decidedOn: '2026-12-10' });

    assert.equal(
      errorCode(await call('mutation($id: ID!) { updateRuleSetDraft(id: $id, input: { effectiveFrom: "2027-02-01" }) { id } }', { id: draft.id })),
      'CONFLICT',
    );
    assert.equal(errorCode(await call('mutation($id: ID!) { deleteRuleSetDraft(id: $id) }', { id: draft.id })), 'CONFLICT');
    assert.equal(
      errorCode(
        await call(
          'mutation($id: ID!) { publishRuleSet(id: $id, input: { decisionReference: "KF 1", decidedBy: COUNCIL, effectiveFrom: "2027-01-01" }) { id } }',
          { id: draft.id },
        ),
      ),
      'CONFLICT',
    );
    // Even a statement that bypasses the service cannot change or remove a published version.
    await assert.rejects(
      sql(t.appDatabaseUrl, `update rule_set_version set effective_from = '2019-01-01' where id = $1`, [draft.id], ...asTenant(tenantOf(A))),
      /published and cannot be changed/,
    );
    await assert.rejects(
      sql(t.appDatabaseUrl, `delete from rule_set_version where id = $1`, [draft.id], ...asTenant(tenantOf(A))),
      /published and cannot be changed/,
    );

    const history = ok(await call('{ ruleSetVersions { version status } }')).ruleSetVersions;
    assert.deepEqual(
      history.map((v: { version: number }) => v.version),
      [3, 2, 1],
    );
    assert.equal(errorCode(await call('{ ruleSetVersions { id } }', undefined, t.realm.token(A, ['support']))), undefined, 'support staff may read the rules');
    assert.equal(
      errorCode(await call('mutation { createRuleSetDraft(input: { from: CURRENT_VERSION, effectiveFrom: "2027-01-01" }) { id } }', undefined, secretary)),
      'FORBIDDEN',
    );
  });

  it('lets coordinators publish the regional template, which every municipality reads but none can write', async () => {
    const coordinator = t.realm.token('fyrbodal', ['coordinator']);
    const current = ok(await call('{ regionalTemplate { version content } }', undefined, coordinator)).regionalTemplate;
    const content = structuredClone(current.content);
    content.bodyTypes.council.maxRemoteParticipants = 12;
    const published = ok(
      await call(
        'mutation($c: JSON!) { publishRegionalTemplate(input: { name: "Fyrbodal 2027", content: $c }) { version name } }',
        { c: content },
        coordinator,
      ),
    ).publishRegionalTemplate;
    assert.deepEqual(published, { version: 2, name: 'Fyrbodal 2027' });
    assert.equal(ok(await call('{ regionalTemplate { version } }', undefined, adminB)).regionalTemplate.version, 2);

    const unlawful = structuredClone(content);
    unlawful.bodyTypes.council.excludedItemKinds = [];
    const refused = await call(
      'mutation($c: JSON!) { publishRegionalTemplate(input: { name: "Lös", content: $c }) { version } }',
      { c: unlawful },
      coordinator,
    );
    assert.equal(errorCode(refused), 'BAD_USER_INPUT');
    assert.equal(
      errorCode(await call('mutation($c: JSON!) { publishRegionalTemplate(input: { name: "Egen", content: $c }) { version } }', { c: content })),
      'FORBIDDEN',
    );
    // In the database too, a municipality's transaction cannot write region rows.
    await assert.rejects(
      sql(
        t.appDatabaseUrl,
        `insert into regional_rule_template (region_id, id, key, version, name, content, published_by) select region_id, gen_random_uuid(), 'egen', 99, 'Egen', '{}', 'x' from municipality where id = $1`,
        [tenantOf(A)],
        ...asTenant(tenantOf(A)),
      ),
      /row-level security/,
    );

    // Coordinators see the template, but no municipality's own rules, meetings or audit log.
    for (const query of ['{ ruleSetVersions { id } }', '{ ruleSetDiff { path } }', '{ auditEntries { id } }']) {
      assert.equal(errorCode(await call(query, undefined, coordinator)), 'FORBIDDEN', query);
    }
    const regionId = demoId('region:fyrbodal');
    const asRegion: [string, unknown[]] = [`select set_config('app.region_id', $1, true)`, [regionId]];
    for (const table of ['rule_set_version', 'sub_committee_remote_decision', 'audit_log']) {
      const [row] = await sql<{ n: number }>(t.appDatabaseUrl, `select count(*)::int as n from ${table}`, [], ...asRegion);
      assert.equal(row!.n, 0, table);
    }
    const [templates] = await sql<{ n: number }>(t.appDatabaseUrl, 'select count(*)::int as n from regional_rule_template', [], ...asRegion);
    assert.equal(templates!.n, 2);
  });

  it("keeps each municipality's rules, decisions, evaluations and audit entries to itself", async () => {
    const draftOfB = ok(await call('mutation { createRuleSetDraft(input: { from: CURRENT_VERSION, effectiveFrom: "2027-01-01" }) { id } }', undefined, adminB))
      .createRuleSetDraft.id;
    const bodiesOfB = ok(await call('{ bodies(perPage: 50) { items { id kind } } }', undefined, adminB)).bodies.items as { id: string; kind: string }[];
    const subOfB = bodiesOfB.find((b) => b.kind === 'SUB_COMMITTEE')!.id;
    const meetingOfB = ok(await call('{ meetings(perPage: 1) { items { id } } }', undefined, adminB)).meetings.items[0].id;

    assert.equal(ok(await call('query($id: ID!) { ruleSetVersion(id: $id) { id } }', { id: draftOfB })).ruleSetVersion, null);
    assert.equal(
      errorCode(await call('mutation($id: ID!) { updateRuleSetDraft(id: $id, input: { effectiveFrom: "2027-02-01" }) { id } }', { id: draftOfB })),
      'NOT_FOUND',
    );
    assert.equal(
      errorCode(
        await call(
          'mutation($id: ID!) { publishRuleSet(id: $id, input: { decisionReference: "KF", decidedBy: COUNCIL, effectiveFrom: "2027-01-01" }) { id } }',
          { id: draftOfB },
        ),
      ),
      'NOT_FOUND',
    );
    assert.equal(errorCode(await call('mutation($id: ID!) { deleteRuleSetDraft(id: $id) }', { id: draftOfB })), 'NOT_FOUND');
    assert.equal(errorCode(await call('query($v: ID) { ruleSetDiff(versionId: $v) { path } }', { v: draftOfB })), 'NOT_FOUND');
    assert.equal(errorCode(await call('query($m: ID!) { evaluateMeeting(meetingId: $m) { compliant } }', { m: meetingOfB })), 'NOT_FOUND');
    assert.deepEqual(ok(await call('query($b: ID!) { subCommitteeRemoteDecisions(bodyId: $b) { id } }', { b: subOfB })).subCommitteeRemoteDecisions, []);
    assert.equal(
      errorCode(
        await call(
          'mutation($b: ID!) { recordSubCommitteeRemoteDecision(input: { bodyId: $b, allowsRemote: true, reference: "Kapad", decidedOn: "2026-01-01" }) { id } }',
          { b: subOfB },
        ),
      ),
      'BAD_USER_INPUT',
    );
    assert.equal(ok(await call('query($id: ID!) { ruleSetVersion(id: $id) { id } }', { id: draftOfB }, adminB)).ruleSetVersion.id, draftOfB);
    assert.equal(
      (ok(await call('query($b: ID!) { subCommitteeRemoteDecisions(bodyId: $b) { id } }', { b: subOfB }, adminB)).subCommitteeRemoteDecisions as unknown[])
        .length,
      1,
    );

    // Below the API: A's transaction sees none of B's rows and cannot write any.
    for (const table of ['rule_set_version', 'sub_committee_remote_decision', 'audit_log']) {
      const [row] = await sql<{ n: number }>(
        t.appDatabaseUrl,
        `select count(*)::int as n from ${table} where tenant_id = $1`,
        [tenantOf(B)],
        ...asTenant(tenantOf(A)),
      );
      assert.equal(row!.n, 0, table);
    }
    await assert.rejects(
      sql(
        t.appDatabaseUrl,
        `insert into sub_committee_remote_decision (tenant_id, id, body_id, allows_remote, reference, decided_on) values ($1, gen_random_uuid(), $2, true, 'Kapad', '2026-01-01')`,
        [tenantOf(B), subOfB],
        ...asTenant(tenantOf(A)),
      ),
      /row-level security/,
    );
    await assert.rejects(
      sql(
        t.appDatabaseUrl,
        `insert into audit_log (tenant_id, id, actor_user_id, actor_name, action, subject_type, subject_id, reason) values ($1, gen_random_uuid(), 'x', 'x', 'x', 'meeting', $2, 'x')`,
        [tenantOf(B), meetingOfB],
        ...asTenant(tenantOf(A)),
      ),
      /row-level security/,
    );
    const [changed] = await sql<{ n: number }>(
      t.appDatabaseUrl,
      `with u as (update rule_set_version set effective_from = '2030-01-01' where id = $1 returning 1) select count(*)::int as n from u`,
      [draftOfB],
      ...asTenant(tenantOf(A)),
    );
    assert.equal(changed!.n, 0);
  });

  it('evaluates a list of meetings in a fixed number of statements, however long the list', async () => {
    const dataSource = t.app.get<DataSource>(APP_DATA_SOURCE);
    let statements = 0;
    const original = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (...args) => {
      const runner = original(...args);
      const query = runner.query.bind(runner);
      runner.query = ((...q: Parameters<typeof query>) => {
        statements++;
        return query(...q);
      }) as typeof runner.query;
      return runner;
    };
    const countFor = async (perPage: number) => {
      statements = 0;
      const res = ok(
        await call('query($n: Int!) { meetings(perPage: $n, sortField: "startsAt") { items { id compliance { compliant quorum { hasQuorum } } } } }', {
          n: perPage,
        }),
      );
      return { statements, meetings: res.meetings.items.length as number };
    };
    try {
      const few = await countFor(2);
      const many = await countFor(100);
      assert.ok(many.meetings >= 8, `${many.meetings} meetings`);
      assert.ok(many.statements <= few.statements + 2, `${few.statements} statements for ${few.meetings} meetings, ${many.statements} for ${many.meetings}`);
    } finally {
      dataSource.createQueryRunner = original;
    }
  });
});
