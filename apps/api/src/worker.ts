import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { startWorkers } from './jobs/jobs.module.js';
import { loadConfig } from './config/app-config.js';
import { prepareDatabase } from './database/bootstrap.js';
import { observeWorkers } from './observability/observability.js';
import { startTracing } from './observability/tracing.js';

/**
 * A process that only works the job queues, for scaling workers apart from the API
 * (run the API with RUN_WORKERS=false then). It serves /health and /metrics on WORKER_PORT.
 */
const log = new Logger('Mötesplats worker');
const config = loadConfig();
const tracing = await startTracing(config.tracing);
const db = await prepareDatabase(config, (m) => log.log(m));
const app = await createApp(config, db.appUrl);
if (startWorkers(app)) observeWorkers(app);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void app
        .close()
        .then(() => db.stop())
        .then(() => tracing?.shutdown())
        .then(() => process.exit(0)),
  );
}
await app.listen({ port: config.workerPort, host: config.host });
log.log('Working the job queues');
