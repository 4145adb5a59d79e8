import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { startWorkers } from './jobs/jobs.module.js';
import { assertRedisReachable, redactUrl } from './common/redis.module.js';
import { loadConfig } from './config/app-config.js';
import { prepareDatabase } from './database/bootstrap.js';
import { seedDemoRegion } from './seed/demo-seeder.js';
import { observeWorkers } from './observability/observability.js';
import { startTracing } from './observability/tracing.js';

const log = new Logger('Mötesplats');

async function main(): Promise<void> {
  const config = loadConfig();
  const tracing = await startTracing(config.tracing);
  await assertRedisReachable(config.redisUrl);
  const db = await prepareDatabase(config, (m) => log.log(m));
  if (config.seedDemo && db.ownerUrl) {
    const seeded = await seedDemoRegion(db.ownerUrl, new Date(), { history: true });
    if (seeded) log.log('Seeded the demo region Fyrbodal (14 municipalities).');
  }
  const app = await createApp(config, db.appUrl);
  // Graceful shutdown: stop taking requests and let running ones finish first — Nest's own
  // close() ends the database pool and Redis before it closes the HTTP server, which would fail
  // requests still running — then close pools and workers, and only then stop an embedded
  // database.
  let stopping = false;
  const stopTakingRequests = async () => {
    const server = app.getHttpServer() as import('node:http').Server;
    const closing = app.getHttpAdapter().getInstance().close();
    // Keep-alive connections that sit idle would hold the close open for their whole timeout
    // (72 s); close each as soon as its current request has been answered, and after 25 s
    // whatever is still open.
    const sweep = setInterval(() => server.closeIdleConnections(), 200);
    const deadline = setTimeout(() => server.closeAllConnections(), 25_000);
    try {
      await closing;
    } finally {
      clearInterval(sweep);
      clearTimeout(deadline);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.log(`${signal}: shutting down`);
      void stopTakingRequests()
        .then(() => log.log('No longer taking requests; the running ones have finished'))
        .then(() => app.close())
        .then(() => db.stop())
        .then(() => tracing?.shutdown())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            log.error(err instanceof Error ? err.message : String(err));
            process.exit(1);
          },
        );
    });
  }
  if (config.runWorkers && startWorkers(app)) observeWorkers(app);
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
