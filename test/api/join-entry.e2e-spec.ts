import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { sql } from '../support/sql.js';
import { gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';
import { enterLink, issueToken } from '../support/join-links.js';

const A = 'munkedal';
const id = (key: string) => demoId(`${A}:${key}`);
const plus = (iso: string | Date, seconds: number) => new Date(new Date(iso).getTime() + seconds * 1000);

/**
 * Opening a link is not coming in: GET and HEAD change nothing (mail scanners and link previews
 * open links without the member), and coming in — a same-origin POST from the page — is judged
 * against the rules in force at that moment.
 */
describe('entering through a join link', () => {
  let t: TestApp;
  let secretary: string;
  let clock: ReturnType<typeof fixClock>;
  const kf = id('meeting:kf-next');
  let opens: Date;
  let eligible: string;

  const used = async (linkId: string) =>
    (await sql<{ use_count: number; first_used_at: Date | null }>(t.ownerUrl, 'select use_count, first_used_at from join_link where id = $1', [linkId]))[0]!;
  const joinedAt = async (memberId: string) =>
    (await sql<{ joined_at: Date | null }>(t.ownerUrl, 'select joined_at from attendance where meeting_id = $1 and member_id = $2', [kf, memberId]))[0]
      ?.joined_at ?? null;

  beforeAll(async () => {
    t = await startTestApp();
    secretary = t.realm.token(A, ['secretary']);
    clock = fixClock(t.app);
    const meeting = (await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { startsAt } }`, { m: kf })).data!.meeting;
    opens = plus(meeting.startsAt, -30 * 60);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  it('records nothing for 10 GETs and 10 HEADs of the page and its status inside the window; the page entering (POST) records once', async () => {
    // A remote member the rules let in (the demo also has remote members they keep out).
    const blocked = await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { membersBlockedFromRemote { member { id } } } }`, { m: kf });
    const out = new Set((blocked.data!.meeting.membersBlockedFromRemote as { member: { id: string } }[]).map((b) => b.member.id));
    const remote = await sql<{ member_id: string }>(
      t.ownerUrl,
      `select member_id from attendance where meeting_id = $1 and mode = 'remote' order by member_id`,
      [kf],
    );
    const memberId = remote.map((r) => r.member_id).find((m) => !out.has(m))!;
    assert.ok(memberId && out.size > 0);
    eligible = memberId;
    const { token, link } = await issueToken(t, A, kf, (links) => links.find((l) => !l.roomId && l.memberId === memberId));
    clock.set(plus(opens, 60));
    for (let i = 0; i < 10; i++) {
      for (const path of [`/join/${token}`, `/join/${token}/status`]) {
        const got = await fetch(t.url + path);
        assert.equal(got.status, 200);
        if (path.endsWith('status')) assert.equal(((await got.json()) as { embed: unknown }).embed, null, 'looking hands out no way in');
        else await got.text();
        const head = await fetch(t.url + path, { method: 'HEAD' });
        assert.equal(head.status, 200);
      }
    }
    assert.deepEqual(await used(link.id), { use_count: 0, first_used_at: null });
    assert.equal(await joinedAt(memberId), null);

    // Another site cannot enter on the member's behalf, nor can a request that says nothing of where it comes from.
    const refused = [
      await fetch(`${t.url}/join/${token}/enter`, { method: 'POST', headers: { origin: 'https://evil.example' } }),
      await fetch(`${t.url}/join/${token}/enter`, { method: 'POST', headers: { origin: t.url, 'sec-fetch-site': 'cross-site' } }),
      await fetch(`${t.url}/join/${token}/enter`, { method: 'POST' }),
    ];
    assert.deepEqual(
      refused.map((r) => r.status),
      [403, 403, 403],
    );
    assert.equal((await used(link.id)).use_count, 0);

    const entered = await enterLink(t.url, token);
    assert.equal(entered.code, 200);
    assert.equal(entered.state, 'open');
    assert.ok(entered.embed?.jwt, 'entering hands out the way in');
    assert.equal(entered.blocked, null);
    assert.deepEqual(await used(link.id), { use_count: 1, first_used_at: plus(opens, 60) });
    assert.equal((await joinedAt(memberId))?.toISOString(), plus(opens, 60).toISOString());
  });

  it('keeps out a member the rules block at the moment of use, says why and whom to contact, and lists them for the secretary', async () => {
    // The chair plans to take part remotely after the meeting was convened: the rules keep the presidium on site.
    const [chair] = await sql<{ member_id: string }>(t.ownerUrl, `select member_id from body_membership where body_id = $1 and role = 'chair'`, [
      id('body:kf'),
    ]);
    const chairId = chair!.member_id;
    await sql(
      t.ownerUrl,
      `insert into attendance (tenant_id, id, meeting_id, member_id, mode) values ($1, gen_random_uuid(), $2, $3, 'remote')
       on conflict (tenant_id, meeting_id, member_id) do update set mode = 'remote'`,
      [tenantOf(A), kf, chairId],
    );
    const admin = t.realm.token(A, ['tenant-admin']);
    const saved = await gql(
      t.url,
      admin,
      `mutation { updateMunicipalitySettings(input: { memberContact: "Kommunsekreterare Eva Ek, 0524-180 00" }) { memberContact } }`,
    );
    assert.equal(saved.data!.updateMunicipalitySettings.memberContact, 'Kommunsekreterare Eva Ek, 0524-180 00');
    const { token, link } = await issueToken(t, A, kf, (links) => links.find((l) => !l.roomId && l.memberId === chairId));
    clock.set(plus(opens, 120));

    const status = (await (await fetch(`${t.url}/join/${token}/status`)).json()) as {
      state: string;
      blocked: { reasons: { code: string; sv: string; en: string }[]; contact: string };
    };
    assert.equal(status.state, 'open');
    const presidium = status.blocked.reasons.find((r) => r.code === 'PRESIDIUM_MUST_BE_ON_SITE')!;
    assert.match(presidium.sv, /[Pp]residiet/);
    assert.ok(!status.blocked.reasons.some((r) => r.code === 'ITEM_EXCLUDED'), 'a closed item is not why a member is kept out of the whole meeting');
    assert.ok(status.blocked.reasons[0]!.en.length > 0);
    assert.equal(status.blocked.contact, 'Kommunsekreterare Eva Ek, 0524-180 00');
    const page = await (await fetch(`${t.url}/join/${token}`)).text();
    assert.match(page, /Du kan inte delta på distans i det här sammanträdet/);
    assert.match(page, /You cannot take part remotely in this meeting/);
    assert.match(page, /Kommunsekreterare Eva Ek/);

    const entered = await enterLink(t.url, token);
    assert.equal(entered.code, 200);
    assert.equal(entered.embed, null, 'no way in');
    assert.ok(entered.blocked.reasons.some((r: { code: string }) => r.code === 'PRESIDIUM_MUST_BE_ON_SITE'));
    assert.equal((await used(link.id)).use_count, 0);
    assert.equal(await joinedAt(chairId), null);

    const listed = await gql(t.url, secretary, `query($m: ID!) { meeting(id: $m) { membersBlockedFromRemote { member { id } codes reasons { sv en } } } }`, {
      m: kf,
    });
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    const blocked = listed.data!.meeting.membersBlockedFromRemote as { member: { id: string }; codes: string[]; reasons: { sv: string }[] }[];
    const listedChair = blocked.find((b) => b.member.id === chairId)!;
    assert.ok(listedChair.codes.includes('PRESIDIUM_MUST_BE_ON_SITE'));
    assert.equal(listedChair.reasons.length, listedChair.codes.length);
    assert.ok(!blocked.some((b) => b.member.id === eligible), 'a member the rules let in is not listed');
  });
});
