import { afterAll, afterEach, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ZoomAdapter } from '@motesplats/api/video-platforms/zoom/zoom-adapter.js';
import { ZoomError, type ZoomClientOptions } from '@motesplats/api/video-platforms/zoom/zoom-client.js';
import type { VideoMeetingSpec } from '@motesplats/api/video-platforms/video-platform.js';
import { startZoomStandIn, type ZoomStandIn } from '../support/zoom-stand-in.js';

const roomWindow = { notBefore: new Date('2026-03-29T06:30:00Z'), expiresAt: new Date('2026-03-29T10:00:00Z') };
const anna = { id: 'm-1', name: 'Anna Karin Lindqvist', email: 'anna.lindqvist@uddevalla.example' };
const bo = { id: 'm-2', name: 'Bo Ek', email: 'bo.ek@uddevalla.example' };
const cecilia = { id: 'm-3', name: 'Cecilia Berg', email: null };
const david = { id: 'm-4', name: 'David Holm', email: 'David.Holm@Uddevalla.example' };

function spec(key: string, overrides: Partial<VideoMeetingSpec> = {}): VideoMeetingSpec {
  return {
    key,
    title: 'Kommunfullmäktige 29 mars',
    // The day summer time starts in Europe/Stockholm: 09:00 local is 07:00Z.
    startsAt: new Date('2026-03-29T07:00:00Z'),
    endsAt: new Date('2026-03-29T09:30:00Z'),
    timeZone: 'Europe/Stockholm',
    rooms: [
      { key: 'room-s', name: 'Socialdemokraterna', invitees: [anna, cecilia] },
      { key: 'room-m', name: 'Moderaterna', invitees: [bo, david] },
    ],
    ...overrides,
  };
}

describe('Zoom adapter against a Zoom stand-in that checks documented request shapes', () => {
  let zoom: ZoomStandIn;
  let sleeps: number[] = [];
  const adapter = (options: ZoomClientOptions & { clientSecret?: string } = {}) =>
    new ZoomAdapter(
      {
        ...zoom.credentials,
        ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
        userId: 'me',
        apiBase: zoom.url,
        oauthBase: zoom.url,
        dataResidency: 'US',
      },
      { sleep: async (ms) => void sleeps.push(ms), ...options },
    );
  const calls = (method: string, path: RegExp) => zoom.requests.filter((r) => r.method === method && path.test(r.path));

  beforeAll(async () => {
    zoom = await startZoomStandIn();
  });
  afterEach(() => {
    assert.deepEqual(zoom.violations, [], 'every request matched Zoom’s documented shapes');
    zoom.requests.length = 0;
    zoom.meetings.clear();
    sleeps = [];
  });
  afterAll(() => zoom.close());

  it('the stand-in really rejects requests that do not match Zoom’s shapes', async () => {
    sleeps = [];
    const token = (await (
      await fetch(`${zoom.url}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${zoom.credentials.clientId}:${zoom.credentials.clientSecret}`).toString('base64'),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `grant_type=account_credentials&account_id=${zoom.credentials.accountId}`,
      })
    ).json()) as { access_token: string };
    const res = await fetch(`${zoom.url}/v2/users/me/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        topic: 'x',
        type: 2,
        start_time: '2026-03-29T07:00:00.000Z',
        duration: 60,
        timezone: 'Europe/Stockholm',
        settings: { breakout_room: { enable: true, rooms: [{ name: 'S', participant: ['a@b.se'] }] } },
      }),
    });
    assert.equal(res.status, 400);
    assert.ok(zoom.violations.some((v) => v.includes('start_time')));
    assert.ok(zoom.violations.some((v) => v.includes('rooms[0].participant: not a documented field')));
    zoom.violations.length = 0;
  });

  it('provisions one scheduled meeting with the party groups as pre-assigned breakout rooms', async () => {
    const zoomAdapter = adapter();
    const meeting = await zoomAdapter.provision(spec('meeting-1'));
    const created = calls('POST', /^\/v2\/users\/me\/meetings$/);
    assert.equal(created.length, 1);
    const body = created[0]!.body as Record<string, any>;
    assert.equal(created[0]!.auth, 'bearer');
    assert.equal(body.type, 2);
    assert.equal(body.topic, 'Kommunfullmäktige 29 mars');
    assert.equal(body.start_time, '2026-03-29T07:00:00Z');
    assert.equal(body.duration, 150);
    assert.equal(body.timezone, 'Europe/Stockholm');
    assert.equal(body.settings.approval_type, 0);
    assert.equal(body.settings.registrants_email_notification, false);
    assert.deepEqual(body.settings.breakout_room, {
      enable: true,
      rooms: [
        // Cecilia has no e-mail: she cannot be pre-assigned.
        { name: 'Socialdemokraterna', participants: ['anna.lindqvist@uddevalla.example'] },
        { name: 'Moderaterna', participants: ['bo.ek@uddevalla.example', 'david.holm@uddevalla.example'] },
      ],
    });
    assert.equal(meeting.platform, 'zoom');
    assert.equal(meeting.externalId, String([...zoom.meetings.keys()][0]));
    assert.deepEqual(meeting.rooms, [
      { key: 'room-s', externalId: 'Socialdemokraterna' },
      { key: 'room-m', externalId: 'Moderaterna' },
    ]);
    assert.deepEqual(zoomAdapter.capabilities, {
      gallerySize: 49,
      dataResidency: 'US',
      preassignedBreakoutRooms: true,
      embeddable: false,
      personalJoinNeedsEmail: true,
    });
  });

  it('fetches the OAuth token once with the account credentials grant and reuses it', async () => {
    const zoomAdapter = adapter();
    const meeting = await zoomAdapter.provision(spec('meeting-1'));
    await zoomAdapter.joinInfo(meeting, undefined, anna, roomWindow);
    await zoomAdapter.joinInfo(meeting, 'room-m', bo, roomWindow);
    await zoomAdapter.provision(spec('meeting-1'));
    const tokenCalls = calls('POST', /^\/oauth\/token$/);
    assert.equal(tokenCalls.length, 1);
    assert.equal(tokenCalls[0]!.auth, 'basic');
    assert.deepEqual(tokenCalls[0]!.body, { grant_type: 'account_credentials', account_id: zoom.credentials.accountId });
    assert.ok(zoom.requests.filter((r) => r.path.startsWith('/v2/')).every((r) => r.auth === 'bearer'));
  });

  it('provisioning the same key twice gives one meeting, and changed rooms are PATCHed onto it', async () => {
    const zoomAdapter = adapter();
    const first = await zoomAdapter.provision(spec('meeting-1'));
    // A second adapter (another process, after a restart) finds the meeting by its key.
    const again = await adapter().provision(
      spec('meeting-1', {
        endsAt: new Date('2026-03-29T10:00:00Z'),
        rooms: [
          { key: 'room-s', name: 'Socialdemokraterna', invitees: [anna] },
          { key: 'room-v', name: 'Vänsterpartiet', invitees: [bo] },
        ],
      }),
    );
    assert.equal(calls('POST', /\/meetings$/).length, 1);
    assert.equal(again.externalId, first.externalId);
    assert.equal(zoom.meetings.size, 1);
    const patches = calls('PATCH', new RegExp(`^/v2/meetings/${first.externalId}$`));
    assert.equal(patches.length, 1);
    const stored = zoom.meetings.get(Number(first.externalId))!.body;
    assert.equal(stored.duration, 180);
    assert.deepEqual(stored.settings.breakout_room.rooms, [
      { name: 'Socialdemokraterna', participants: ['anna.lindqvist@uddevalla.example'] },
      { name: 'Vänsterpartiet', participants: ['bo.ek@uddevalla.example'] },
    ]);
    assert.deepEqual(
      again.rooms.map((r) => r.key),
      ['room-s', 'room-v'],
    );
  });

  it('finds an existing meeting on a later page of the host’s meetings', async () => {
    const paged = await startZoomStandIn({ maxPageSize: 1 });
    try {
      const make = () => new ZoomAdapter({ ...paged.credentials, userId: 'me', apiBase: paged.url, oauthBase: paged.url, dataResidency: 'US' });
      for (const key of ['a', 'b', 'c']) await make().provision(spec(key));
      await make().provision(spec('a'));
      await make().provision(spec('c'));
      assert.equal(paged.meetings.size, 3);
      assert.deepEqual(paged.violations, []);
      assert.ok(paged.requests.some((r) => r.query.next_page_token));
    } finally {
      await paged.close();
    }
  });

  it('gives each member a personal registrant link, and members without e-mail the shared one', async () => {
    const zoomAdapter = adapter();
    const meeting = await zoomAdapter.provision(spec('meeting-1'));
    const annaLink = await zoomAdapter.joinInfo(meeting, 'room-s', anna, roomWindow);
    const boLink = await zoomAdapter.joinInfo(meeting, undefined, bo, roomWindow);
    const annaAgain = await zoomAdapter.joinInfo(meeting, undefined, anna, roomWindow);
    assert.notEqual(annaLink.url, boLink.url);
    assert.equal(annaAgain.url, annaLink.url);
    assert.match(annaLink.url, /\?tk=/);
    assert.equal(annaLink.embed, undefined);
    const registrations = calls('POST', /\/registrants$/);
    assert.equal(registrations.length, 3);
    assert.deepEqual(registrations[0]!.body, { first_name: 'Anna Karin', last_name: 'Lindqvist', email: anna.email });

    const ceciliaLink = await zoomAdapter.joinInfo(meeting, 'room-s', cecilia, roomWindow);
    assert.match(ceciliaLink.url, /\/j\/\d+\?pwd=shared$/);
    assert.equal(calls('POST', /\/registrants$/).length, 3, 'no registrant without e-mail');

    await assert.rejects(
      zoomAdapter.joinInfo(meeting, 'no-such-room', anna, roomWindow),
      (err: { extensions?: { code?: string } }) => err.extensions?.code === 'NOT_FOUND',
    );
  });

  it('close deletes the meeting, and closing again is not an error', async () => {
    const zoomAdapter = adapter();
    const meeting = await zoomAdapter.provision(spec('meeting-1'));
    await zoomAdapter.close(meeting);
    assert.equal(zoom.meetings.size, 0);
    await zoomAdapter.close(meeting);
    const deletes = calls('DELETE', new RegExp(`^/v2/meetings/${meeting.externalId}$`));
    assert.equal(deletes.length, 2);
    assert.equal(deletes[0]!.query.schedule_for_reminder, 'false');
    // A closed meeting provisioned again (a cancelled meeting reinstated) is created anew.
    const reinstated = await zoomAdapter.provision(spec('meeting-1'));
    assert.notEqual(reinstated.externalId, meeting.externalId);
  });

  it('renews a token Zoom has revoked (401) once, and one that is about to expire before using it', async () => {
    let now = Date.parse('2026-03-29T06:00:00Z');
    const zoomAdapter = adapter({ now: () => now });
    const meeting = await zoomAdapter.provision(spec('meeting-1'));
    zoom.expireTokens();
    await zoomAdapter.joinInfo(meeting, undefined, anna, roomWindow);
    assert.equal(calls('POST', /^\/oauth\/token$/).length, 2);
    assert.equal(calls('POST', /\/registrants$/).length, 2, 'the refused request was repeated once');

    now += 58 * 60_000; // expires_in is 3599 s: within the renewal margin
    await zoomAdapter.joinInfo(meeting, undefined, bo, roomWindow);
    assert.equal(calls('POST', /^\/oauth\/token$/).length, 3);
    assert.equal(zoom.requests.filter((r) => r.path.startsWith('/v2/')).length, 5, 'no 401 round trip for a token known to be stale');
  });

  it('waits as Zoom’s Retry-After says on 429, and gives up clearly when the wait is unreasonable', async () => {
    const zoomAdapter = adapter();
    const limited = { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' };
    zoom.failNext({ status: 429, headers: { 'retry-after': '2' }, body: limited });
    const meeting = await zoomAdapter.provision(spec('meeting-1'));
    assert.deepEqual(sleeps, [2000]);
    assert.equal(zoom.meetings.size, 1);

    zoom.failNext({ status: 429, headers: { 'retry-after': '86400' }, body: { code: 429, message: 'You have exceeded the daily rate limit.' } });
    await assert.rejects(zoomAdapter.joinInfo(meeting, undefined, anna, roomWindow), (err: ZoomError) => {
      assert.ok(err instanceof ZoomError);
      assert.equal(err.code, 'ZOOM_RATE_LIMITED');
      assert.match(err.message, /daily rate limit/);
      return true;
    });

    for (let i = 0; i < 4; i++) zoom.failNext({ status: 429, body: limited });
    await assert.rejects(zoomAdapter.joinInfo(meeting, undefined, anna, roomWindow), (err: ZoomError) => err.code === 'ZOOM_RATE_LIMITED');
    assert.deepEqual(sleeps, [2000, 1000, 2000, 4000], 'without Retry-After: bounded exponential backoff');
  });

  it('turns Zoom’s refusals into clear errors with stable codes and no secret in them', async () => {
    const wrongSecret = 'wrong-' + zoom.credentials.clientSecret;
    await assert.rejects(adapter({ clientSecret: wrongSecret }).provision(spec('meeting-1')), (err: ZoomError) => {
      assert.equal(err.code, 'ZOOM_AUTH_FAILED');
      assert.equal(err.status, 401);
      assert.match(err.message, /ZOOM_CLIENT_SECRET/);
      for (const text of [err.message, String(err.stack), inspect(err, { depth: 5 })]) {
        assert.ok(!text.includes(wrongSecret), 'the secret is not in the error');
        assert.ok(!text.includes(Buffer.from(`${zoom.credentials.clientId}:${wrongSecret}`).toString('base64')), 'nor its Basic form');
      }
      return true;
    });

    zoom.failNext({ status: 400, body: { code: 300, message: 'Invalid field.' } });
    await assert.rejects(adapter().provision(spec('meeting-1')), (err: ZoomError) => {
      assert.equal(err.code, 'ZOOM_REQUEST_FAILED');
      assert.equal(err.zoomCode, 300);
      assert.match(err.message, /GET \/users\/\{userId\}\/meetings.*Invalid field/);
      return true;
    });

    const unreachable = new ZoomAdapter({
      ...zoom.credentials,
      userId: 'me',
      apiBase: 'http://127.0.0.1:9',
      oauthBase: 'http://127.0.0.1:9',
      dataResidency: 'US',
    });
    await assert.rejects(unreachable.provision(spec('meeting-1')), (err: ZoomError) => {
      assert.equal(err.code, 'ZOOM_UNAVAILABLE');
      assert.ok(!inspect(err, { depth: 5 }).includes(zoom.credentials.clientSecret));
      return true;
    });
  });
});
