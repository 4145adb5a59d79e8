import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { sql } from '../support/sql.js';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ROOMS_QUEUE } from '@motesplats/api/breakout-rooms/queues.js';
import { RoomProvisioner } from '@motesplats/api/breakout-rooms/room-provisioner.service.js';
import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { demoId } from '@motesplats/api/seed/demo-seeder.js';
import { JitsiAdapter } from '@motesplats/api/video-platforms/jitsi/jitsi.adapter.js';
import { gql, startTestApp, tenantOf, type TestApp } from '../support/test-app.js';
import { fixClock } from '../support/fixed-clock.js';

const A = 'mellerud';
const id = (key: string) => demoId(`${A}:${key}`);
const WORKER = join(fileURLToPath(new URL('.', import.meta.url)), '../support/room-worker.js');

describe('room jobs: opening and closing at window edges, idempotently', () => {
  let t: TestApp;
  let secretary: string;
  let clock: ReturnType<typeof fixClock>;
  let scratch: string;

  const owner = <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => sql<T>(t.ownerUrl, text, params);
  const sync = (meetingId: string) => t.app.get(TenantDb).run(tenantOf(A), () => t.app.get(RoomProvisioner).sync(meetingId));

  beforeAll(async () => {
    t = await startTestApp();
    secretary = t.realm.token(A, ['secretary']);
    clock = fixClock(t.app);
    scratch = mkdtempSync(join(tmpdir(), 'motesplats-rooms-'));
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('provisions once shortly before the first window, opens and closes the rooms at the edges', async () => {
    const kf = id('meeting:kf-next');
    const jitsi = t.app.get(JitsiAdapter);
    let calls = 0;
    const provision = jitsi.provision.bind(jitsi);
    jitsi.provision = async (spec) => {
      calls++;
      return provision(spec);
    };
    const res = await gql(t.url, secretary, `mutation($m: ID!) { setUpBreakoutRooms(meetingId: $m) { windows { opensAt closesAt } } }`, { m: kf });
    const [first] = res.data!.setUpBreakoutRooms[0].windows;
    const at = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000);
    const rooms = () => owner<{ status: string; external_id: string | null }>('select status, external_id from breakout_room where meeting_id = $1', [kf]);

    clock.set(at(first.opensAt, -6 * 60));
    await sync(kf);
    assert.equal(calls, 0, 'nothing yet, six minutes before');
    clock.set(at(first.opensAt, -4 * 60));
    await sync(kf);
    assert.equal(calls, 1);
    assert.ok((await rooms()).every((r) => r.status === 'scheduled' && r.external_id));
    clock.set(at(first.opensAt, 1));
    await sync(kf);
    await sync(kf);
    assert.equal(calls, 1, 'stored ids are read before anything is created again');
    assert.ok((await rooms()).every((r) => r.status === 'open'));
    clock.set(at(first.closesAt, 1));
    await sync(kf);
    assert.ok((await rooms()).every((r) => r.status === 'closed'));
    jitsi.provision = provision;
  });

  it('leaves exactly one room per party group when the worker is killed in the middle of opening them', async () => {
    clock.reset();
    // A council meeting starting in ten minutes: its rooms' first window is open now.
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const made = await gql(t.url, secretary, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
      i: {
        bodyId: id('body:kf'),
        title: 'Extra fullmäktige',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        place: 'Kuben',
      },
    });
    const meetingId = made.data!.createMeeting.id;
    const log = join(scratch, 'provision.log');
    const env = {
      ...process.env,
      APP_DATABASE_URL: t.appDatabaseUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
      DATA_DIR: t.config.dataDir,
      PROVISION_LOG: log,
      LOG_LEVEL: 'error',
    };
    const start = (extra: Record<string, string>) =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, [WORKER], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
    const waitFor = async (what: () => Promise<boolean> | boolean, ms: number) => {
      for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) if (await what()) return;
      throw new Error('timed out');
    };
    const lines = () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
        : [];

    const first = await start({ HANG_IN_PROVISION: '1' });
    // Convening sets up the rooms and enqueues the room job for the window that is open now.
    await gql(t.url, secretary, `mutation($m: ID!) { changeMeetingStatus(id: $m, status: CONVENED) { id } }`, { m: meetingId });
    await waitFor(() => lines().length === 1, 20_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const [stored] = await owner<{ external_id: string | null }>('select external_id from video_meeting where meeting_id = $1', [meetingId]);
    assert.equal(stored!.external_id, null, 'the killed job stored nothing');

    const second = await start({});
    try {
      const queue = t.app.get<Queue>(getQueueToken(ROOMS_QUEUE));
      const jobId = (await owner<{ scheduled_jobs: string[] }>('select scheduled_jobs from video_meeting where meeting_id = $1', [meetingId]))[0]!
        .scheduled_jobs[0]!;
      // The stalled job goes back to the queue once the dead worker's lock runs out.
      await waitFor(async () => (await queue.getJob(jobId))?.finishedOn !== undefined, 60_000);
      assert.equal(await (await queue.getJob(jobId))!.getState(), 'completed');
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }

    const calls = lines();
    assert.equal(calls.length, 2, 'one call cut short, one completed');
    assert.deepEqual(calls[0].result, calls[1].result, 'the retry asked for the very same rooms');
    const rooms = await owner<{ external_id: string; status: string }>('select external_id, status from breakout_room where meeting_id = $1', [meetingId]);
    assert.equal(rooms.length, 8);
    assert.equal(new Set(rooms.map((r) => r.external_id)).size, 8, 'one room per party group');
    assert.deepEqual(rooms.map((r) => r.external_id).sort(), calls[1].result.rooms.map((r: { externalId: string }) => r.externalId).sort());
    assert.ok(rooms.every((r) => r.status === 'open'));
    const videoMeetings = await owner<{ n: number }>('select count(*)::int as n from video_meeting where meeting_id = $1 and external_id is not null', [
      meetingId,
    ]);
    assert.equal(videoMeetings[0]!.n, 1);
  }, 90_000);
});
