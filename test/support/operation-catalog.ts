import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { gql, tenantOf, type TestApp } from './test-app.js';
import { sql } from './sql.js';
import { issueToken } from './join-links.js';

/**
 * Every GraphQL operation, classified once. The whole-schema tests read the schema from the
 * running app and fail on an operation missing here, so a new capability is covered before it
 * can merge. Adding one is one line: who may call it and, for an `id` argument, what it names.
 */
export type Role = 'tenant-admin' | 'secretary' | 'support' | 'coordinator';
export const ROLES: Role[] = ['tenant-admin', 'secretary', 'support', 'coordinator'];

const READERS: Role[] = ['tenant-admin', 'secretary', 'support'];
const WRITERS: Role[] = ['tenant-admin', 'secretary'];
const ADMINS: Role[] = ['tenant-admin'];
const COORDINATOR: Role[] = ['coordinator'];
const REGION: Role[] = [...READERS, 'coordinator'];
const WRITERS_AND_COORDINATOR: Role[] = [...WRITERS, 'coordinator'];
const SIGNED_IN: Role[] = ROLES;

export interface OperationEntry {
  /** Roles the API lets through; every other role gets FORBIDDEN, anonymous callers UNAUTHENTICATED */
  roles: Role[];
  /** What the operation's `id` argument names (a fixture kind below) */
  id?: Kind;
}

export const OPERATIONS: Record<string, OperationEntry> = {
  // queries
  agendaItem: { roles: READERS, id: 'agendaItem' },
  agendaItems: { roles: READERS },
  attendance: { roles: READERS, id: 'attendance' },
  attendances: { roles: READERS },
  auditEntries: { roles: ADMINS },
  bodies: { roles: READERS },
  body: { roles: READERS, id: 'body' },
  bodyMembership: { roles: READERS, id: 'bodyMembership' },
  bodyMemberships: { roles: READERS },
  breakoutRooms: { roles: READERS },
  evaluateMeeting: { roles: READERS },
  limits: { roles: SIGNED_IN },
  me: { roles: SIGNED_IN },
  meeting: { roles: READERS, id: 'meeting' },
  meetingTrainingGaps: { roles: READERS },
  meetings: { roles: READERS },
  member: { roles: READERS, id: 'member' },
  members: { roles: READERS },
  municipalities: { roles: SIGNED_IN },
  municipalitySettings: { roles: READERS },
  parties: { roles: READERS },
  party: { roles: READERS, id: 'party' },
  partyGroup: { roles: READERS, id: 'partyGroup' },
  partyGroups: { roles: READERS },
  platformCatalog: { roles: REGION },
  practiceSession: { roles: READERS, id: 'practiceSession' },
  practiceSessions: { roles: READERS },
  regionalTemplate: { roles: REGION },
  regionalTemplates: { roles: REGION },
  regionalTrainingCoverage: { roles: COORDINATOR },
  ruleSetDiff: { roles: READERS },
  ruleSetInForce: { roles: READERS },
  ruleSetVersion: { roles: READERS, id: 'ruleSetVersion' },
  ruleSetVersions: { roles: READERS },
  subCommitteeRemoteDecisions: { roles: READERS },
  supportPoolMunicipalities: { roles: COORDINATOR },
  trainingCompletion: { roles: READERS, id: 'trainingCompletion' },
  trainingCompletions: { roles: READERS },
  trainingCoverage: { roles: READERS },
  trainingCoverageMembers: { roles: READERS },
  trainingModule: { roles: REGION, id: 'trainingModule' },
  trainingModules: { roles: REGION },
  trainingReminders: { roles: READERS },
  // mutations
  changeMeetingStatus: { roles: WRITERS, id: 'meeting' },
  createAgendaItem: { roles: WRITERS },
  createAttendance: { roles: WRITERS },
  createBody: { roles: ADMINS },
  createBodyMembership: { roles: WRITERS },
  createBreakoutRoom: { roles: WRITERS },
  createMeeting: { roles: WRITERS },
  createMember: { roles: WRITERS },
  createParty: { roles: ADMINS },
  createPartyGroup: { roles: ADMINS },
  createPracticeSession: { roles: WRITERS },
  createRuleSetDraft: { roles: ADMINS },
  createTrainingModule: { roles: WRITERS_AND_COORDINATOR },
  deleteAgendaItem: { roles: WRITERS, id: 'agendaItem' },
  deleteAttendance: { roles: WRITERS, id: 'attendance' },
  deleteBody: { roles: ADMINS, id: 'body' },
  deleteBodyMembership: { roles: WRITERS, id: 'bodyMembership' },
  deleteMeeting: { roles: WRITERS, id: 'meeting' },
  deleteMember: { roles: WRITERS, id: 'member' },
  deleteParty: { roles: ADMINS, id: 'party' },
  deletePartyGroup: { roles: ADMINS, id: 'partyGroup' },
  deletePracticeSession: { roles: WRITERS, id: 'practiceSession' },
  deleteRuleSetDraft: { roles: ADMINS, id: 'ruleSetDraft' },
  deleteTrainingModule: { roles: WRITERS_AND_COORDINATOR, id: 'trainingModule' },
  importTrainingCompletions: { roles: WRITERS },
  inviteToPracticeSession: { roles: WRITERS },
  issueCalendarFeed: { roles: WRITERS },
  publishRegionalTemplate: { roles: COORDINATOR },
  publishRuleSet: { roles: ADMINS, id: 'ruleSetDraft' },
  publishTrainingModule: { roles: COORDINATOR, id: 'trainingModule' },
  recordPracticeAttendance: { roles: WRITERS },
  recordSubCommitteeRemoteDecision: { roles: WRITERS },
  recordTrainingCompletion: { roles: WRITERS },
  resendJoinLink: { roles: WRITERS, id: 'joinLink' },
  revokeJoinLink: { roles: WRITERS, id: 'joinLink' },
  sendJoinLinks: { roles: WRITERS },
  sendPracticeSessionLinks: { roles: WRITERS },
  setUpBreakoutRooms: { roles: WRITERS },
  uninviteFromPracticeSession: { roles: WRITERS },
  updateAgendaItem: { roles: WRITERS, id: 'agendaItem' },
  updateAttendance: { roles: WRITERS, id: 'attendance' },
  updateBody: { roles: ADMINS, id: 'body' },
  updateBodyMembership: { roles: WRITERS, id: 'bodyMembership' },
  updateMeeting: { roles: WRITERS, id: 'meeting' },
  updateMember: { roles: WRITERS, id: 'member' },
  updateMunicipalitySettings: { roles: ADMINS },
  updateParty: { roles: ADMINS, id: 'party' },
  updatePartyGroup: { roles: ADMINS, id: 'partyGroup' },
  updatePracticeSession: { roles: WRITERS, id: 'practiceSession' },
  updateRuleSetDraft: { roles: ADMINS, id: 'ruleSetDraft' },
  updateTrainingModule: { roles: WRITERS_AND_COORDINATOR, id: 'trainingModule' },
};

/**
 * Known defects fixed on other branches. The lead deletes an entry when its fix is merged;
 * until then the tests assert the defect is still the only deviation, never skip the case.
 */
export const KNOWN_DEFECTS_FIXED_ELSEWHERE: { operation: string; test: 'isolation' | 'input'; what: string }[] = [
];

/**
 * What an ID names, for arguments and input fields other than an operation's own `id`:
 * `Owner.field` (owner: the operation or the input type) first, then the field name alone.
 */
export const ID_FIELDS: Record<string, Kind> = {
  meetingId: 'meeting',
  memberId: 'member',
  memberIds: 'member',
  replacesMemberId: 'member',
  bodyId: 'body',
  parentBodyId: 'body',
  partyId: 'party',
  partyGroupId: 'partyGroup',
  sessionId: 'practiceSession',
  subjectId: 'meeting',
  versionId: 'ruleSetVersion',
  'AgendaItemFilter.ids': 'agendaItem',
  'AttendanceFilter.ids': 'attendance',
  'BodyFilter.ids': 'body',
  'BodyMembershipFilter.ids': 'bodyMembership',
  'MeetingFilter.ids': 'meeting',
  'MemberFilter.ids': 'member',
  'PartyFilter.ids': 'party',
  'PartyGroupFilter.ids': 'partyGroup',
  'PracticeSessionFilter.ids': 'practiceSession',
  'TrainingCompletionFilter.ids': 'trainingCompletion',
  'TrainingModuleFilter.ids': 'trainingModule',
  'TrainingReminderFilter.ids': 'trainingReminder',
};

/**
 * How to find one of a municipality's rows of each kind (owner connection, so RLS does not
 * hide it; $1 is the municipality). Rows fit together where an operation needs them to: the
 * meeting is convened (rooms can be had) and the member sits on its body with no attendance yet.
 */
const CONVENED = "(select id from meeting where tenant_id = $1 and status = 'convened' order by id limit 1)";
export const KINDS = {
  agendaItem: 'select id from agenda_item where tenant_id = $1',
  attendance: 'select id from attendance where tenant_id = $1',
  body: 'select id from body where tenant_id = $1',
  bodyMembership: 'select id from body_membership where tenant_id = $1',
  meeting: `select ${CONVENED} as id`,
  member: `select bm.member_id as id from body_membership bm join meeting m on m.tenant_id = bm.tenant_id and m.body_id = bm.body_id
            where bm.tenant_id = $1 and m.id = ${CONVENED}
              and not exists (select 1 from attendance a where a.tenant_id = $1 and a.meeting_id = m.id and a.member_id = bm.member_id)`,
  party: 'select id from party where tenant_id = $1',
  partyGroup: 'select id from party_group where tenant_id = $1',
  practiceSession: 'select id from practice_session where tenant_id = $1',
  ruleSetVersion: 'select id from rule_set_version where tenant_id = $1',
  ruleSetDraft: "select id from rule_set_version where tenant_id = $1 and status = 'draft'",
  trainingCompletion: 'select id from training_completion where tenant_id = $1',
  trainingModule: 'select id from training_module where tenant_id = $1',
  trainingReminder: 'select id from training_reminder where tenant_id = $1',
  joinLink: 'select id from join_link where tenant_id = $1',
} satisfies Record<string, string>;

/**
 * Refusals in the domain's own words that mean "no such thing here": RULE_VIOLATION with
 * these extensions.reason values count as refusing a foreign id.
 */
export const ABSENT_REASONS = ['NO_MEETING'];
export type Kind = keyof typeof KINDS;

/**
 * IDs that name something no municipality owns (`Owner.field` → why), e.g. a regional
 * template version: isolation between municipalities does not apply to them.
 */
export const REGION_OWNED_IDS: Record<string, string> = {};
export const REGION_OWNED = 'region-owned';

/** Resolves the kind of one ID path, or says what is missing from the tables above. */
export function kindOf(operation: string, owner: string, field: string): Kind | typeof REGION_OWNED | string {
  if (REGION_OWNED_IDS[`${owner}.${field}`]) return REGION_OWNED;
  if (owner === operation && field === 'id') return OPERATIONS[operation]?.id ?? `OPERATIONS.${operation}.id is not set: what does its id argument name?`;
  return ID_FIELDS[`${owner}.${field}`] ?? ID_FIELDS[field] ?? `ID_FIELDS has no entry for ${owner}.${field} (used by ${operation})`;
}

/** A token for the first role allowed to call the operation: municipal roles in `slug`, the coordinator at the region. */
export function callerFor(t: TestApp, operation: string, slug: string): string {
  const role = ROLES.find((r) => OPERATIONS[operation]?.roles.includes(r)) ?? 'tenant-admin';
  return role === 'coordinator' ? t.realm.token('fyrbodal', ['coordinator']) : t.realm.token(slug, [role]);
}

/** One row id of each kind for a municipality: the first by id, so runs are repeatable. */
export async function idsOf(t: TestApp, slug: string): Promise<Record<Kind, string>> {
  const out = {} as Record<Kind, string>;
  for (const [kind, query] of Object.entries(KINDS) as [Kind, string][]) {
    const [row] = await sql<{ id: string | null }>(t.ownerUrl, `select id from (${query}) k order by id limit 1`, [tenantOf(slug)]);
    if (!row?.id) throw new Error(`no ${kind} for ${slug}: add one to prepareTenant()`);
    out[kind] = row.id;
  }
  return out;
}

/**
 * Rows of the kinds the demo seeds for no one: a rule-set draft, an own training module,
 * join links (practice invitations), a training reminder and an audit entry.
 */
export async function prepareTenant(t: TestApp, slug: string): Promise<void> {
  const token = t.realm.token(slug, ['tenant-admin']);
  const call = async (query: string, variables: Record<string, unknown>) => {
    const res = await gql(t.url, token, query, variables);
    if (res.errors) throw new Error(`${slug}: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };
  const tenant = tenantOf(slug);
  const [member] = await sql<{ id: string }>(t.ownerUrl, 'select id from member where tenant_id = $1 order by id limit 1', [tenant]);
  await call('mutation($i: CreateRuleSetDraftInput!) { createRuleSetDraft(input: $i) { id } }', { i: { from: 'REGIONAL_TEMPLATE', effectiveFrom: '2027-01-01' } });
  await call('mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id } }', {
    i: { key: `${slug}-egen`, title: 'Egen modul', kind: 'E_LEARNING', audience: ['MEMBER'] },
  });
  const start = new Date(Date.now() + 7 * 86_400_000);
  const session = await call('mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
    i: { title: 'Övning', moduleKey: `${slug}-egen`, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() },
  });
  await call('mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', { s: session.createPracticeSession.id, m: [member!.id] });
  const [meeting] = await sql<{ id: string }>(t.ownerUrl, "select id from meeting where tenant_id = $1 and status = 'planned' order by starts_at limit 1", [tenant]);
  await issueToken(t, slug, meeting!.id, (links) => links[0]);
  await sql(t.ownerUrl, `insert into training_reminder (tenant_id, id, member_id, module_key, valid_until, channel) values ($1, $2, $3, 'remote-participation-basics', '2027-01-01', 'secretary_list')`, [tenant, randomUUID(), member!.id]);
  await sql(t.ownerUrl, `insert into audit_log (tenant_id, id, actor_user_id, actor_name, action, subject_type, subject_id, reason) select $1, $2, 'seed', 'Seed', 'meeting.convene_override', 'meeting', id, 'prov' from meeting where tenant_id = $1 order by id limit 1`, [tenant, randomUUID()]);
}

/**
 * A fingerprint of everything the municipalities own: md5 of each tenant table's rows in a
 * stable order, read as the owner, keyed `slug:table`. Compare before and after to prove
 * nothing was written.
 */
export async function tenantChecksums(t: TestApp, ...slugs: string[]): Promise<Record<string, string>> {
  tenantTables ??= (
    await sql<{ table_name: string }>(
      t.ownerUrl,
      `select c.table_name from information_schema.columns c join pg_class k on k.relname = c.table_name and k.relkind = 'r'
        where c.column_name = 'tenant_id' and c.table_schema = 'public' order by 1`,
    )
  ).map((r) => r.table_name);
  const out: Record<string, string> = {};
  for (const slug of slugs) {
    const parts = tenantTables.map((name) => `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from ${name} x where tenant_id = $1`);
    const rows = (await poolFor(t.ownerUrl).query<{ t: string; sum: string }>(parts.join(' union all '), [tenantOf(slug)])).rows;
    for (const r of rows) out[`${slug}:${r.t}`] = r.sum;
  }
  return out;
}
let tenantTables: string[] | undefined;
const pools = new Map<string, pg.Pool>();
/** Checksums run before and after every probe: one kept connection, which never holds the process open. */
function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pools.set(url, (pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 500, allowExitOnIdle: true })));
    // Dropping the test database ends an idle connection; that is the end of the file, not an error.
    pool.on('error', () => undefined);
  }
  return pool;
}

/** The tables whose checksums differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
