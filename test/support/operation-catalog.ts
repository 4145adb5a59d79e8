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
  experienceReport: { roles: READERS, id: 'experienceReport' },
  experienceReports: { roles: READERS },
  limits: { roles: SIGNED_IN },
  me: { roles: SIGNED_IN },
  meeting: { roles: READERS, id: 'meeting' },
  meetingTrainingGaps: { roles: READERS },
  meetings: { roles: READERS },
  myStaffRecord: { roles: REGION },
  mySupportShifts: { roles: READERS },
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
  regionalComparison: { roles: COORDINATOR },
  regionalExperienceReports: { roles: COORDINATOR },
  regionalSharing: { roles: COORDINATOR },
  regionalTrainingCoverage: { roles: COORDINATOR },
  regionSharing: { roles: READERS },
  ruleSetDiff: { roles: READERS },
  ruleSetInForce: { roles: READERS },
  ruleSetVersion: { roles: READERS, id: 'ruleSetVersion' },
  ruleSetVersions: { roles: READERS },
  staffAbsences: { roles: REGION },
  staffMember: { roles: REGION, id: 'staffMember' },
  staffMembers: { roles: REGION },
  staffTrainingCoverage: { roles: READERS },
  subCommitteeRemoteDecisions: { roles: READERS },
  supportAssignments: { roles: READERS },
  supportConflicts: { roles: READERS },
  supportForecast: { roles: READERS },
  supportGaps: { roles: READERS },
  supportNeeds: { roles: READERS },
  supportPoolMunicipalities: { roles: COORDINATOR },
  supportSettings: { roles: READERS },
  supportSuggestions: { roles: WRITERS },
  survey: { roles: REGION, id: 'survey' },
  surveys: { roles: REGION },
  trainingCompletion: { roles: READERS, id: 'trainingCompletion' },
  trainingCompletions: { roles: READERS },
  trainingCoverage: { roles: READERS },
  trainingCoverageMembers: { roles: READERS },
  trainingModule: { roles: REGION, id: 'trainingModule' },
  trainingModules: { roles: REGION },
  trainingReminders: { roles: READERS },
  // mutations
  acceptSupportAssignment: { roles: READERS, id: 'supportAssignment' },
  addStaffAbsence: { roles: REGION },
  answerSurvey: { roles: WRITERS, id: 'survey' },
  assignSupport: { roles: WRITERS },
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
  createStaffMember: { roles: WRITERS_AND_COORDINATOR },
  createSurvey: { roles: WRITERS_AND_COORDINATOR },
  createTrainingModule: { roles: WRITERS_AND_COORDINATOR },
  declineSupportAssignment: { roles: READERS, id: 'supportAssignment' },
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
  deleteStaffMember: { roles: WRITERS_AND_COORDINATOR, id: 'staffMember' },
  deleteTrainingModule: { roles: WRITERS_AND_COORDINATOR, id: 'trainingModule' },
  importTrainingCompletions: { roles: WRITERS },
  inviteToPracticeSession: { roles: WRITERS },
  issueCalendarFeed: { roles: WRITERS },
  issueStaffCalendarFeed: { roles: READERS },
  publishRegionalTemplate: { roles: COORDINATOR },
  publishRuleSet: { roles: ADMINS, id: 'ruleSetDraft' },
  publishTrainingModule: { roles: COORDINATOR, id: 'trainingModule' },
  recordPracticeAttendance: { roles: WRITERS },
  recordStaffTrainingCompletion: { roles: WRITERS },
  recordSubCommitteeRemoteDecision: { roles: WRITERS },
  recordTrainingCompletion: { roles: WRITERS },
  remindSurvey: { roles: WRITERS_AND_COORDINATOR, id: 'survey' },
  removeStaffAbsence: { roles: REGION, id: 'staffAbsence' },
  resendJoinLink: { roles: WRITERS, id: 'joinLink' },
  revokeJoinLink: { roles: WRITERS, id: 'joinLink' },
  revokeStaffCalendarFeed: { roles: READERS },
  sendJoinLinks: { roles: WRITERS },
  sendPracticeSessionLinks: { roles: WRITERS },
  setStaffWeeklyAvailability: { roles: REGION },
  setUpBreakoutRooms: { roles: WRITERS },
  submitExperienceReport: { roles: WRITERS, id: 'experienceReport' },
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
  updateRegionSharing: { roles: ADMINS },
  updateRuleSetDraft: { roles: ADMINS, id: 'ruleSetDraft' },
  updateStaffMember: { roles: WRITERS_AND_COORDINATOR, id: 'staffMember' },
  updateSupportSettings: { roles: ADMINS },
  updateTrainingModule: { roles: WRITERS_AND_COORDINATOR, id: 'trainingModule' },
  withdrawSupportAssignment: { roles: WRITERS, id: 'supportAssignment' },
};

/**
 * Known defects fixed on other branches. The lead deletes an entry when its fix is merged;
 * until then the tests assert the defect is still the only deviation, never skip the case.
 */
export const KNOWN_DEFECTS_FIXED_ELSEWHERE: { operation: string; test: 'isolation' | 'input'; what: string }[] = [];

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
  staffId: 'staffMember',
  questionId: 'surveyQuestion',
  'StaffFilter.ids': 'staffMember',
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
  staffMember: 'select id from support_staff where tenant_id = $1',
  staffAbsence: 'select id from support_absence where tenant_id = $1',
  supportAssignment: 'select id from support_assignment where tenant_id = $1',
  experienceReport: 'select id from experience_report where tenant_id = $1',
  // Surveys belong to the region; a municipality's own are those it asked (prepareTenant asks a third municipality).
  survey: 'select id from survey where asked_by_tenant_id = $1',
  surveyQuestion: 'select q.id from survey_question q join survey s on s.region_id = q.region_id and s.id = q.survey_id where s.asked_by_tenant_id = $1',
} satisfies Record<string, string>;

/**
 * The same kinds as a region owns them ($1 is the region), for the region dimension: a
 * coordinator of one region given another region's ids. Kinds a coordinator can never name
 * have no line; the isolation test says which are missing.
 */
export const REGION_KINDS: Partial<Record<Kind | 'municipality', string>> = {
  staffMember: 'select id from regional_support_staff where region_id = $1',
  staffAbsence: 'select id from regional_support_absence where region_id = $1',
  survey: 'select id from survey where region_id = $1',
  surveyQuestion: 'select id from survey_question where region_id = $1',
  trainingModule: 'select id from regional_training_module where region_id = $1',
  municipality: 'select id from municipality where region_id = $1',
  experienceReport: 'select id from experience_report where municipality_region(tenant_id) = $1',
};
/** What an id names in the region dimension: region-owned ids included (CreateSurveyInput.recipientIds names municipalities). */
export function regionKindOf(operation: string, owner: string, field: string): string {
  if (`${owner}.${field}` === 'CreateSurveyInput.recipientIds') return 'municipality';
  return kindOf(operation, owner, field);
}

/** One row id of each region kind, the first by id; `prepareRegion` creates what the demo lacks. */
export async function regionIdsOf(t: TestApp, slug: string): Promise<Record<string, string>> {
  const [region] = await sql<{ id: string }>(t.ownerUrl, 'select id from region where slug = $1', [slug]);
  const out: Record<string, string> = { region: region!.id };
  for (const [kind, query] of Object.entries(REGION_KINDS)) {
    const [row] = await sql<{ id: string | null }>(t.ownerUrl, `select id from (${query}) k order by id limit 1`, [region!.id]);
    if (!row?.id) throw new Error(`no ${kind} in region ${slug}: add one to prepareRegion()`);
    out[kind] = row.id;
  }
  return out;
}

/** Rows a region's coordinator keeps that the demo seeds for no one: a pool absence and a regional module. */
export async function prepareRegion(t: TestApp, slug: string): Promise<void> {
  const token = t.realm.token(slug, ['coordinator']);
  const call = async (query: string, variables: Record<string, unknown>) => {
    const res = await gql(t.url, token, query, variables);
    if (res.errors) throw new Error(`${slug}: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };
  const [staff] = await sql<{ id: string }>(
    t.ownerUrl,
    'select s.id from regional_support_staff s join region r on r.id = s.region_id where r.slug = $1 order by s.id limit 1',
    [slug],
  );
  if (!staff) throw new Error(`no pool staff in region ${slug}`);
  const start = new Date(Date.now() + 7 * 86_400_000);
  await call('mutation($i: StaffAbsenceInput!) { addStaffAbsence(input: $i) { id } }', {
    i: { staffId: staff.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 86_400_000).toISOString(), kind: 'HOLIDAY' },
  });
  // The coordinator's own survey, of one of its municipalities (the demo asks only in Västernorrland, a municipality asking).
  const [recipient] = await sql<{ id: string }>(
    t.ownerUrl,
    'select m.id from municipality m join region r on r.id = m.region_id where r.slug = $1 order by m.id limit 1',
    [slug],
  );
  await call('mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }', {
    i: {
      title: 'Regionens fråga',
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      recipientIds: [recipient!.id],
      questions: [{ text: 'Har ni stöd?', kind: 'CHOICE' }],
    },
  });
  await call('mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id } }', {
    i: { key: `${slug}-regional`, title: 'Regional modul', kind: 'E_LEARNING', audience: ['MEMBER'] },
  });
}

/**
 * A fingerprint of what regions own (tables with a region_id: pool, surveys, templates,
 * regional modules), keyed `region:<slug>:table`, plus every municipality's tables of the region.
 */
export async function regionChecksums(t: TestApp, ...slugs: string[]): Promise<Record<string, string>> {
  regionTables ??= (
    await sql<{ table_name: string }>(
      t.ownerUrl,
      `select c.table_name from information_schema.columns c join pg_class k on k.relname = c.table_name and k.relkind = 'r'
        where c.column_name = 'region_id' and c.table_schema = 'public' order by 1`,
    )
  ).map((r) => r.table_name);
  const out: Record<string, string> = {};
  for (const slug of slugs) {
    const parts = regionTables.map(
      (name) =>
        `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from ${name} x where region_id = (select id from region where slug = $1)`,
    );
    const rows = (await poolFor(t.ownerUrl).query<{ t: string; sum: string }>(parts.join(' union all '), [slug])).rows;
    for (const r of rows) out[`region:${slug}:${r.t}`] = r.sum;
  }
  return out;
}
let regionTables: string[] | undefined;

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
export const REGION_OWNED_IDS: Record<string, string> = {
  'CreateSurveyInput.recipientIds': "a municipality of the caller's own region: asking a neighbour is the point; the region dimension probes another region's",
};
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
  await call('mutation($i: CreateRuleSetDraftInput!) { createRuleSetDraft(input: $i) { id } }', {
    i: { from: 'REGIONAL_TEMPLATE', effectiveFrom: '2027-01-01' },
  });
  await call('mutation($i: CreateTrainingModuleInput!) { createTrainingModule(input: $i) { id } }', {
    i: { key: `${slug}-egen`, title: 'Egen modul', kind: 'E_LEARNING', audience: ['MEMBER'] },
  });
  const start = new Date(Date.now() + 7 * 86_400_000);
  const session = await call('mutation($i: CreatePracticeSessionInput!) { createPracticeSession(input: $i) { id } }', {
    i: { title: 'Övning', moduleKey: `${slug}-egen`, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() },
  });
  await call('mutation($s: ID!, $m: [ID!]!) { inviteToPracticeSession(sessionId: $s, memberIds: $m) { id } }', {
    s: session.createPracticeSession.id,
    m: [member!.id],
  });
  const [meeting] = await sql<{ id: string }>(t.ownerUrl, "select id from meeting where tenant_id = $1 and status = 'planned' order by starts_at limit 1", [
    tenant,
  ]);
  await issueToken(t, slug, meeting!.id, (links) => links[0]);
  await sql(
    t.ownerUrl,
    `insert into training_reminder (tenant_id, id, member_id, module_key, valid_until, channel) values ($1, $2, $3, 'remote-participation-basics', '2027-01-01', 'secretary_list')`,
    [tenant, randomUUID(), member!.id],
  );
  const [staff] = await sql<{ id: string }>(t.ownerUrl, 'select id from support_staff where tenant_id = $1 order by id limit 1', [tenant]);
  await call('mutation($i: StaffAbsenceInput!) { addStaffAbsence(input: $i) { id } }', {
    i: { staffId: staff!.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 86_400_000).toISOString(), kind: 'HOLIDAY' },
  });
  // Asked of a third municipality, so neither of the two under test is a recipient of the other's survey.
  const [third] = await sql<{ id: string }>(t.ownerUrl, "select id from municipality where slug = 'vanersborg'");
  await call('mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }', {
    i: {
      title: `Fråga från ${slug}`,
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      recipientIds: [third!.id],
      questions: [{ text: 'Har ni stöd?', kind: 'CHOICE' }],
    },
  });
  await sql(
    t.ownerUrl,
    `insert into audit_log (tenant_id, id, actor_user_id, actor_name, action, subject_type, subject_id, reason) select $1, $2, 'seed', 'Seed', 'meeting.convene_override', 'meeting', id, 'prov' from meeting where tenant_id = $1 order by id limit 1`,
    [tenant, randomUUID()],
  );
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
    const parts = tenantTables.map(
      (name) => `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from ${name} x where tenant_id = $1`,
    );
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
