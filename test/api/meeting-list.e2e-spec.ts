import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The meetings list reads its page, bodies, agendas, attendance and members in one statement,
 * shaped by what the query asks for (apps/api/src/meetings/meeting-list.query.ts), and queries
 * run compiled by graphql-jit from their second request (common/graphql-jit.ts). Both are
 * checked here against the answers the field-by-field path gives: a meeting asked for alone
 * (`meeting(id)`) resolves every field through the loaders.
 */
describe('the meetings list, read ahead and compiled', () => {
  let t: TestApp;
  let admin: string;
  let council: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token('lysekil', ['tenant-admin']);
    const bodies = await gql(t.url, admin, '{ bodies(perPage: 50) { items { id kind } } }');
    council = bodies.data!.bodies.items.find((b: { kind: string }) => b.kind === 'COUNCIL').id;
  });
  afterAll(() => t.close());

  // Aliases, a named and an inline fragment, __typename, timestamps of nested rows, and a field
  // of the member that is not a column (its party: the whole member row is read then).
  const MEETING_FIELDS = `
    id title startsAt endsAt status __typename
    organ: body { name kind __typename }
    agendaItems { ...Item }
    attendances { mode createdAt ... on Attendance { who: member { name party { name } } } }`;
  const FRAGMENT = 'fragment Item on AgendaItem { number title kinds confidential closedVote createdAt }';

  const one = async (id: string) => {
    const res = await gql(t.url, admin, `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } } ${FRAGMENT}`, { id });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.meeting;
  };

  it('answers every meeting of a page exactly as the meeting asked for alone, on every request (compiled from the second)', async () => {
    const query = `query($body: ID!) { meetings(perPage: 10, sortField: "startsAt", sortOrder: DESC, filter: { bodyId: $body }) { total items { ${MEETING_FIELDS} } } } ${FRAGMENT}`;
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await gql(t.url, admin, query, { body: council });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      answers.push(res.data!.meetings);
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    const page = answers[0] as { total: number; items: { id: string; startsAt: string; agendaItems: unknown[]; attendances: unknown[] }[] };
    assert.ok(page.items.length > 1, 'the demo council has meetings');
    assert.ok(
      page.items.some((m) => m.agendaItems.length && m.attendances.length),
      'some meeting has both an agenda and attendance',
    );
    const starts = page.items.map((m) => m.startsAt);
    assert.deepEqual([...starts].sort().reverse(), starts, 'newest first');
    for (const m of page.items) assert.deepEqual(m, await one(m.id));
  });

  it('pages and counts as before: the total on every page, past the last page too', async () => {
    const query = `query($page: Int!) { meetings(page: $page, perPage: 1, filter: { bodyId: "${council}" }) { total items { id } } }`;
    const first = (await gql(t.url, admin, query, { page: 1 })).data!.meetings;
    const second = (await gql(t.url, admin, query, { page: 2 })).data!.meetings;
    assert.ok(first.total >= 2, `total ${first.total}`);
    assert.equal(second.total, first.total);
    assert.equal(new Set([...first.items, ...second.items].map((m: { id: string }) => m.id)).size, 2);
    const past = (await gql(t.url, admin, query, { page: 1000 })).data!.meetings;
    assert.deepEqual(past, { total: first.total, items: [] });
  });

  it("applies a variable's default when the request leaves it out, compiled or not", async () => {
    const query = `query($page: Int! = 2, $perPage: Int! = 1) { meetings(page: $page, perPage: $perPage, sortField: "startsAt", filter: { bodyId: "${council}" }) { items { id } } }`;
    const expected = (await gql(t.url, admin, query, { page: 2, perPage: 1 })).data!.meetings.items;
    assert.equal(expected.length, 1);
    for (let i = 0; i < 3; i++) {
      const res = await gql(t.url, admin, query, {});
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data!.meetings.items, expected, `request ${i + 1}`);
    }
  });

  it('leaves an input field whose variable is left out unchanged, on every request of the same mutation', async () => {
    const created = await gql(
      t.url,
      admin,
      `mutation($body: ID!) { createMeeting(input: { bodyId: $body, title: "Extra", place: "Stadshuset", startsAt: "2031-03-01T17:00:00Z", endsAt: "2031-03-01T19:00:00Z" }) { id } }`,
      { body: council },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const id = created.data!.createMeeting.id as string;
    const update = `mutation($id: ID!, $title: String, $place: String) { updateMeeting(id: $id, input: { title: $title, place: $place }) { title place } }`;
    for (let i = 0; i < 3; i++) {
      const res = await gql(t.url, admin, update, { id, title: `Extra ${i}` });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data!.updateMeeting, { title: `Extra ${i}`, place: 'Stadshuset' }, `request ${i + 1}`);
    }
  });
});
