/**
 * Operators add a region and its municipalities:
 *
 *   DATABASE_URL=postgres://owner@host/db npm run region:add -- \
 *     --slug vasternorrland --name "Kommunförbundet Västernorrland" \
 *     --municipality "Ånge:2260" --municipality "Timrå:2262:timra" …
 *   npm run region:add -- --file region.json   # { slug, name, municipalities: [{ name, code, slug }] }
 *
 * Runs the migrations first (the owner account), is idempotent, and prints what it added. The
 * running API learns of new municipalities when it restarts (its directory is read at start).
 * Keycloak needs an organization per municipality and one for the region, with these slugs as aliases.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadOwnerCommandConfig } from '../config/app-config.js';
import { migrate } from '../database/bootstrap.js';
import { addRegion, parseMunicipalityArg, type RegionSpec } from './add-region.js';

const { values } = parseArgs({
  options: { slug: { type: 'string' }, name: { type: 'string' }, municipality: { type: 'string', multiple: true }, file: { type: 'string' } },
});
const url = loadOwnerCommandConfig().databaseUrl;
if (!url) {
  console.error('DATABASE_URL (the owner account) is required.');
  process.exit(2);
}
const spec: RegionSpec = values.file
  ? (JSON.parse(readFileSync(values.file, 'utf8')) as RegionSpec)
  : { slug: values.slug ?? '', name: values.name ?? '', municipalities: (values.municipality ?? []).map(parseMunicipalityArg) };

await migrate(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const result = await addRegion(client, spec);
  console.log(
    `Region ${spec.slug} (${result.regionId}): added ${result.added.length} municipalities${result.added.length ? `: ${result.added.join(', ')}` : ''}`,
  );
  if (result.existing.length) console.log(`Already there: ${result.existing.join(', ')}`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await client.end();
}
