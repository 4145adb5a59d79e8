import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { REPO_ROOT } from './config/app-config.js';

// The repository's own lint configuration, run through ESLint's Node API on snippets placed
// (by file name) inside capability folders. The Nx rule needs a project graph, which has nothing
// to do with these rules: it is switched off so it neither warns nor slows the run.
const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfig: { rules: { '@nx/enforce-module-boundaries': 'off' } } });
const BOUNDARY_RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];

async function lint(code: string, file: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, 'apps/api/src', file) });
  return result!.messages;
}

const boundaryMessages = (messages: Linter.LintMessage[]) => messages.filter((m) => BOUNDARY_RULES.includes(m.ruleId ?? ''));

describe('capability boundaries (lint)', () => {
  it("refuses one capability importing another's entity", async () => {
    const messages = await lint("import { Member } from '../members/member.entity.js';\nexport const memberType = Member;\n", 'training/example.service.ts');
    const refused = boundaryMessages(messages);
    assert.equal(refused.length, 1, JSON.stringify(messages));
    assert.equal(refused[0]!.ruleId, '@typescript-eslint/no-restricted-imports');
    assert.match(refused[0]!.message, /training may not use another capability's entities/);
  });

  it("refuses another capability's loaders too, also from a nested folder", async () => {
    const messages = await lint(
      "import { byMeeting } from '../../meetings/by-meeting.loader.js';\nexport const loader = byMeeting;\n",
      'video-platforms/zoom/example.ts',
    );
    assert.equal(boundaryMessages(messages).length, 1, JSON.stringify(messages));
  });

  it("accepts the same capability's public service, its public file and a type-only import", async () => {
    const service = await lint(
      "import { MembersService } from '../members/members.service.js';\nexport const service = MembersService;\n",
      'training/example.service.ts',
    );
    assert.deepEqual(boundaryMessages(service), []);
    const publicFile = await lint(
      "import { Member } from '../members/members.public.js';\nexport const memberType = Member;\n",
      'training/example.resolver.ts',
    );
    assert.deepEqual(boundaryMessages(publicFile), []);
    const typeOnly = await lint(
      "import type { Member } from '../members/member.entity.js';\nexport const name = (m: Member) => m.name;\n",
      'training/example.service.ts',
    );
    assert.deepEqual(boundaryMessages(typeOnly), []);
  });

  it('accepts a capability using its own entities, shared infrastructure, and relations between entity files', async () => {
    const own = await lint(
      "import { Member } from './member.entity.js';\nimport { TenantDb } from '../database/tenant-db.service.js';\nexport const both = [Member, TenantDb];\n",
      'members/example.service.ts',
    );
    assert.deepEqual(boundaryMessages(own), []);
    const relation = await lint("import { Body } from '../bodies/body.entity.js';\nexport const related = () => Body;\n", 'rules/example.entity.ts');
    assert.deepEqual(boundaryMessages(relation), []);
  });

  it("refuses querying another capability's table, however the class was imported", async () => {
    const messages = await lint(
      [
        "import { Member } from '../members/members.public.js';",
        "import type { EntityManager } from 'typeorm';",
        'export const find = (em: EntityManager) => em.getRepository(Member).find();',
        "export const join = (em: EntityManager) => em.createQueryBuilder().from(Member, 'm').getMany();",
        '',
      ].join('\n'),
      'training/example.service.ts',
    );
    const refused = boundaryMessages(messages);
    assert.equal(refused.length, 2, JSON.stringify(messages));
    assert.ok(refused.every((m) => m.ruleId === 'no-restricted-syntax' && /training may not query another capability's table/.test(m.message)));
  });

  it('refuses "now" from anywhere but the Clock in a capability; reading a given time is fine', async () => {
    const messages = await lint(
      "export const a = new Date();\nexport const b = Date.now();\nexport const c = new Date(0);\nexport const d = Date.parse('2026-01-01T00:00:00Z');\n",
      'training/example.service.ts',
    );
    assert.deepEqual(
      messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line),
      [1, 2],
    );
  });

  it('refuses process.env outside the config folder', async () => {
    const outside = await lint('export const level = process.env.LOG_LEVEL;\n', 'observability/example.ts');
    assert.deepEqual(
      outside.filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.line),
      [1],
    );
    const inside = await lint('export const level = process.env.LOG_LEVEL;\n', 'config/example.ts');
    assert.deepEqual(
      inside.filter((m) => m.ruleId === 'no-restricted-properties'),
      [],
    );
  });

  it('holds for the API as it is', async () => {
    const results = await eslint.lintFiles([join(REPO_ROOT, 'apps/api/src')]);
    const broken = results.flatMap((r) =>
      r.messages.filter((m) => [...BOUNDARY_RULES, 'no-restricted-properties'].includes(m.ruleId ?? '')).map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    assert.ok(results.length > 100, 'the API sources were linted');
    assert.deepEqual(broken, []);
  }, 120_000);
});
