import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { seedPlatformCatalog } from '../rules/platform-catalog-seed.js';

export interface RegionSpec {
  slug: string;
  name: string;
  municipalities: { name: string; code: string; slug: string }[];
}

const SLUG = /^[a-z0-9-]+$/;
const CODE = /^[0-9]{4}$/;

/** What is wrong with a spec, in words an operator understands; empty when it is fine. */
export function checkRegionSpec(spec: RegionSpec): string[] {
  const problems: string[] = [];
  if (!SLUG.test(spec.slug)) problems.push(`region slug "${spec.slug}": only a–z, 0–9 and -`);
  if (!spec.name.trim()) problems.push('region name is empty');
  const seen = new Set<string>();
  for (const m of spec.municipalities) {
    if (!m.name.trim()) problems.push('a municipality without a name');
    if (!CODE.test(m.code)) problems.push(`${m.name}: kommunkod "${m.code}" is not four digits`);
    if (!SLUG.test(m.slug)) problems.push(`${m.name}: slug "${m.slug}": only a–z, 0–9 and -`);
    for (const key of [m.code, m.slug]) {
      if (seen.has(key)) problems.push(`${m.name}: "${key}" appears twice`);
      seen.add(key);
    }
  }
  return problems;
}

/**
 * Adds a region (an association of municipalities) and its municipalities, as the database
 * owner, in one transaction. Idempotent: a region or municipality that exists (by slug or
 * code) is left as it is, so re-running with more municipalities adds only those. A
 * municipality already in another region is refused: moving tenants is not this command's job.
 */
export async function addRegion(client: pg.Client, spec: RegionSpec): Promise<{ regionId: string; added: string[]; existing: string[] }> {
  const problems = checkRegionSpec(spec);
  if (problems.length) throw new Error(`The region cannot be added:\n- ${problems.join('\n- ')}`);
  await client.query('begin');
  try {
    await client.query(`select set_config('app.tenant_id', '', true), set_config('app.region_id', '', true)`);
    const found = await client.query<{ id: string }>('select id from region where slug = $1', [spec.slug]);
    const regionId = found.rows[0]?.id ?? randomUUID();
    if (!found.rows[0]) await client.query('insert into region (id, name, slug) values ($1, $2, $3)', [regionId, spec.name.trim(), spec.slug]);
    await seedPlatformCatalog(client, regionId);
    const added: string[] = [];
    const existing: string[] = [];
    for (const m of spec.municipalities) {
      const there = await client.query<{ region_id: string; slug: string; code: string }>(
        'select region_id, slug, code from municipality where slug = $1 or code = $2',
        [m.slug, m.code],
      );
      if (there.rows[0]) {
        if (there.rows[0].region_id !== regionId) throw new Error(`${m.name} (${m.code}) already belongs to another region`);
        existing.push(m.name);
        continue;
      }
      await client.query('insert into municipality (id, region_id, name, code, slug) values ($1, $2, $3, $4, $5)', [
        randomUUID(),
        regionId,
        m.name.trim(),
        m.code,
        m.slug,
      ]);
      added.push(m.name);
    }
    await client.query('commit');
    return { regionId, added, existing };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/** "Timrå:2262:timra" → a municipality; the slug defaults to the name in plain ASCII. */
export function parseMunicipalityArg(arg: string): RegionSpec['municipalities'][number] {
  const [name = '', code = '', slug] = arg.split(':').map((s) => s.trim());
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { name, code, slug: slug || ascii };
}
