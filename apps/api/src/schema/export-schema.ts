import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/app-config.js';
import { buildSchemaText } from './graphql-schema.js';

// `npm run schema`: writes schema.graphql at the repository root, to be committed.
const file = join(REPO_ROOT, 'schema.graphql');
writeFileSync(file, await buildSchemaText());
console.log(`Wrote ${file}`);
