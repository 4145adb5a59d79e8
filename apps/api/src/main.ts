import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { startWorkers } from './jobs/jobs.module.js';
import { assertRedisReachable, redactUrl } from './common/redis.module.js';
import { loadConfig } from './config/app-config.js';
import { prepareDatabase } from './database/bootstrap.js';
import { seedDemoRegion } from './seed/demo-seeder.js';

const log = new Logger('Mötesplats');

async function main(): Promise<void> {
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl);
  const db = await prepareDatabase(config, (m) => log.log(m));
  if (config.seedDemo) {
    const seeded = await seedDemoRegion(db.ownerUrl, new Date(), { history: true });
    if (seeded) log.log('Seeded the demo region Fyrbodal (14 municipalities).');
  }
  const app = await createApp(config, db.appUrl);
  // Graceful shutdown: stop taking requests, let running ones finish, close pools, and only
  // then stop an embedded database.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.log(`${signal}: shutting down`);
      void app
        .close()
        .then(() => db.stop())
        .then(() => process.exit(0), (err: unknown) => {
          log.error(err instanceof Error ? err.message : String(err));
          process.exit(1);
        });
    });
  }
  if (config.runWorkers) startWorkers(app);
  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;
  log.log(`API:     ${base}/health`);
  log.log(`GraphQL: ${base}/graphql${config.production ? '' : `  (GraphiQL: ${base}/graphiql)`}`);
  log.log(`Admin:   ${base}/admin/`);
  log.log(`Redis:   ${redactUrl(config.redisUrl)}; sign-in: ${config.keycloak ? 'Keycloak' : 'dev sign-in (demo users)'}`);
}

main().catch((err: unknown) => {
  log.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
