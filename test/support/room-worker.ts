/**
 * A worker process for the crash test: the whole API wiring, working only the job queues of the
 * test app it is pointed at. Every provisioning call is written to a log file before it
 * returns; with HANG_IN_PROVISION set the first call never returns, so the test can kill the
 * process in the middle of a room-opening job.
 */
import { appendFileSync } from 'node:fs';
import { BullRegistrar } from '@nestjs/bullmq';
import { createApp } from '@motesplats/api/app.factory.js';
import { loadConfig } from '@motesplats/api/config/app-config.js';
import { JitsiAdapter } from '@motesplats/api/video-platforms/jitsi/jitsi.adapter.js';
import type { VideoMeetingSpec } from '@motesplats/api/video-platforms/video-platform.js';

const env = process.env;
const config = {
  ...loadConfig({ NODE_ENV: 'test', PORT: '0', REDIS_URL: env.REDIS_URL, LOG_LEVEL: env.LOG_LEVEL, HTTP_LOG_LEVEL: env.HTTP_LOG_LEVEL }),
  dataDir: env.DATA_DIR!,
  queuePrefix: env.QUEUE_PREFIX!,
  keycloak: undefined,
};
const app = await createApp(config, env.APP_DATABASE_URL!);
const jitsi = app.get(JitsiAdapter);
const provision = jitsi.provision.bind(jitsi);
jitsi.provision = async (spec: VideoMeetingSpec) => {
  const result = await provision(spec);
  appendFileSync(env.PROVISION_LOG!, `${JSON.stringify({ pid: process.pid, result })}\n`);
  if (env.HANG_IN_PROVISION) await new Promise(() => undefined);
  return result;
};
app.get(BullRegistrar).register();
process.stdout.write('ready\n');
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
