// `npm start`: install what is missing, build, and run the API (which also serves the admin).
import { join } from 'node:path';
import { build, ensureDependencies, ROOT, startChild, step } from './lib.mjs';

ensureDependencies();
build();
step('Starting Mötesplats');
if (!process.env.DATABASE_URL) console.log('No DATABASE_URL: using an embedded PostgreSQL under .data/ (first start takes a few seconds).');
startChild(process.execPath, [join(ROOT, 'apps/api/dist/main.js')]);
