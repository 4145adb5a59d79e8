// `npm start`: install what is missing, build (through Nx, cached), and run the API (which also
// serves the admin). Without a database server the API starts an embedded PostgreSQL; without
// a Redis this script starts a private redis-server. Both stop when the API does.
import { join } from 'node:path';
import { ensureDevRedis } from './dev-redis.mjs';
import { build, ensureDependencies, ROOT, startChild, step } from './lib.mjs';

ensureDependencies();
build();
step('Starting Mötesplats');
if (!process.env.DATABASE_URL) console.log('No DATABASE_URL: using an embedded PostgreSQL under .data/ (first start takes a few seconds).');
let redis;
try {
  redis = await ensureDevRedis();
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exit(1);
}
startChild(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { REDIS_URL: redis.url }, () => redis.stop());
