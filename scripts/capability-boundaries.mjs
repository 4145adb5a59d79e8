// The lint rules that keep the API's capability folders apart (apps/api/src/README.md says why).
// Built from the folders themselves, so a new capability is covered the day it is created.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const API_SRC = 'apps/api/src';

/**
 * Infrastructure every capability may use as it likes: the request context and errors, settings,
 * the data source and its migrations, the municipality directory, sign-in, queues, the outbox,
 * mail, logs and metrics. `schema` and `seed` are tools that touch everything on purpose.
 */
export const SHARED_FOLDERS = [
  'common',
  'config',
  'database',
  'tenancy',
  'auth',
  'jobs',
  'outbox',
  'notifications',
  'observability',
  'health',
  'schema',
  'seed',
];

/** Calls that read or write a table when handed an entity class. */
const QUERY_CALLS = [
  'getRepository',
  'createQueryBuilder',
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'insert',
  'update',
  'upsert',
  'delete',
  'save',
  'remove',
  'softDelete',
  'restore',
  'increment',
  'decrement',
  'from',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'innerJoinAndMapMany',
  'leftJoinAndMapOne',
  'leftJoinAndMapMany',
];

/** Our own helpers that read a table when handed an entity class (common/by-id-loader, must-exist). */
const LOADER_CALLS = ['loadRef', 'byIdLoader', 'mustExist', 'byMeeting'];

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** The capability folders under apps/api/src and the entity classes each one owns. */
export function capabilities(root = ROOT) {
  const src = join(root, API_SRC);
  return readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !SHARED_FOLDERS.includes(d.name))
    .map((d) => ({
      name: d.name,
      entities: walk(join(src, d.name))
        .filter((f) => f.endsWith('.entity.ts'))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^export class (\w+)/gm)].map((m) => m[1]))
        .sort(),
      dir: relative(root, join(src, d.name)),
    }));
}

/**
 * Per capability: (1) no import of another capability's entities, loaders or repositories — a
 * type-only import is allowed, it carries no access; (2) no repository, query-builder or
 * entity-manager call on another capability's entity class, however it was imported.
 * `*.entity.ts` files are exempt from (1): relations between tables are the data model's concern.
 */
export function capabilityBoundaries(root = ROOT) {
  const caps = capabilities(root);
  return caps.map((cap) => {
    const others = caps.filter((c) => c.name !== cap.name);
    const foreignEntities = others.flatMap((c) => c.entities);
    const ownOrShared = [cap.name, ...SHARED_FOLDERS].join('|');
    const rules = {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(?!(${ownOrShared})/)[a-z-]+/(.+/)?[^/]+\\.(entity|loader|repository)(\\.js)?$`,
              allowTypeImports: true,
              message: `${cap.name} may not use another capability's entities, loaders or repositories: ask that capability's service (or its *.public.ts). See apps/api/src/README.md.`,
            },
          ],
        },
      ],
    };
    // "Now" comes from the injectable Clock (common/clock.ts), so tests can stand either side of
    // an edge; parsing or formatting a given time is fine.
    const clockRules = [
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Ask the injectable Clock (common/clock.ts) for now.' },
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Ask the injectable Clock (common/clock.ts) for now.' },
    ];
    rules['no-restricted-syntax'] = ['error', ...clockRules];
    if (foreignEntities.length) {
      rules['no-restricted-syntax'] = [
        'error',
        ...clockRules,
        {
          selector: `CallExpression[callee.property.name=/^(${QUERY_CALLS.join('|')})$/] > Identifier.arguments[name=/^(${foreignEntities.join('|')})$/]`,
          message: `${cap.name} may not query another capability's table: add a method to the owning capability's service. See apps/api/src/README.md.`,
        },
        {
          selector: `CallExpression[callee.name=/^(${LOADER_CALLS.join('|')})$/] > Identifier.arguments[name=/^(${foreignEntities.join('|')})$/]`,
          message: `${cap.name} may not load another capability's rows: use that capability's service (load, assertExists). See apps/api/src/README.md.`,
        },
      ];
    }
    return { files: [`${cap.dir}/**/*.ts`], ignores: [`${cap.dir}/**/*.entity.ts`], rules };
  });
}
