import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { JitsiAdapter } from './jitsi.adapter.js';
import { verifyHs256 } from './jitsi-jwt.js';

const settings = { domain: 'meet.fyrbodal.example', appId: 'motesplats', audience: 'jitsi', appSecret: 'test-secret-not-real' };
const spec = {
  key: 'meeting-1',
  title: 'Kommunfullmäktige',
  startsAt: new Date('2026-06-15T16:00:00Z'),
  endsAt: new Date('2026-06-15T20:00:00Z'),
  timeZone: 'Europe/Stockholm',
  rooms: [
    { key: 'room-s', name: 'S', invitees: [] },
    { key: 'room-m', name: 'M', invitees: [] },
  ],
};

describe('Jitsi Meet adapter', () => {
  it('names rooms deterministically, differently per room and per secret', async () => {
    const a = await new JitsiAdapter(settings).provision(spec);
    const again = await new JitsiAdapter(settings).provision(spec);
    assert.deepEqual(a, again);
    assert.notEqual(a.rooms[0]!.externalId, a.rooms[1]!.externalId);
    assert.notEqual(a.externalId, a.rooms[0]!.externalId);
    const other = await new JitsiAdapter({ ...settings, appSecret: 'another' }).provision(spec);
    assert.notEqual(other.externalId, a.externalId);
    assert.match(a.externalId, /^motesplats-[0-9a-f]{32}$/);
  });

  it("signs a JWT whose nbf/exp are the window and whose claims follow Jitsi's token authentication", async () => {
    const adapter = new JitsiAdapter(settings);
    const provisioned = await adapter.provision(spec);
    const window = { notBefore: new Date('2026-06-15T15:30:00Z'), expiresAt: new Date('2026-06-15T16:00:00Z') };
    const info = await adapter.joinInfo(provisioned, 'room-m', { id: 'member-7', name: 'Åsa Öberg', email: null }, window);
    const claims = verifyHs256(info.embed!.jwt, settings.appSecret);
    assert.deepEqual(claims, {
      aud: 'jitsi',
      iss: 'motesplats',
      sub: 'meet.fyrbodal.example',
      room: provisioned.rooms[1]!.externalId,
      nbf: Date.parse('2026-06-15T15:30:00Z') / 1000,
      exp: Date.parse('2026-06-15T16:00:00Z') / 1000,
      context: { user: { id: 'member-7', name: 'Åsa Öberg' } },
    });
    assert.equal(verifyHs256(info.embed!.jwt, 'wrong'), null);
    assert.equal(info.url, `https://meet.fyrbodal.example/${provisioned.rooms[1]!.externalId}?jwt=${info.embed!.jwt}`);
    const meeting = await adapter.joinInfo(provisioned, undefined, { id: 'member-7', name: 'Åsa', email: 'asa@example.se' }, window);
    assert.equal(meeting.embed!.roomName, provisioned.externalId);
    assert.deepEqual((verifyHs256(meeting.embed!.jwt, settings.appSecret)!.context as { user: object }).user, {
      id: 'member-7',
      name: 'Åsa',
      email: 'asa@example.se',
    });
  });
});
