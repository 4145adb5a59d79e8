import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { gql, startTestApp, type TestApp } from '../support/test-app.js';

const A = 'munkedal';
const FORMULA = '=HYPERLINK("http://x","y")';

/** Every CSV the product writes: today the training completions export (the admin's list exports are built in the browser). */
describe('CSV formula injection', () => {
  let t: TestApp;
  let admin: string;
  let memberId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.realm.token(A, ['tenant-admin']);
    const created = await gql(t.url, admin, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
      i: { name: FORMULA, email: 'formel@example.se', identityLevel: 'E_ID' },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    memberId = created.data!.createMember.id;
    const recorded = await gql(t.url, admin, 'mutation($i: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $i) { id } }', {
      i: { memberId, moduleKey: 'remote-participation-basics', completedOn: '2026-01-15' },
    });
    assert.equal(recorded.errors, undefined, JSON.stringify(recorded.errors));
  });
  afterAll(() => t.close());

  it('exports a member named =HYPERLINK(...) as text, and the exported file imports again unchanged', async () => {
    const res = await fetch(`${t.url}/training/completions.csv`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(res.status, 200);
    const text = await res.text();
    const line = text.split('\r\n').find((l) => l.startsWith(memberId))!;
    assert.ok(line, 'the member is exported');
    const cells = line.split(';');
    assert.equal(cells[1], `"'=HYPERLINK(""http://x"",""y"")"`, 'the name starts with a quote inside its quoted cell');
    assert.equal(cells.length, 7, line);
    // No cell of the whole file starts (after its opening double quote) with a formula character.
    for (const row of text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')) {
      for (const cell of row.split(';')) assert.doesNotMatch(cell, /^"?[=+\-@\t\r]/, `cell ${cell}`);
    }

    const reimport = await gql(
      t.url,
      admin,
      'mutation($csv: String!) { importTrainingCompletions(csv: $csv, dryRun: true) { rows toImport alreadyRecorded errors { line reason } } }',
      { csv: text },
    );
    const report = reimport.data!.importTrainingCompletions;
    assert.deepEqual(report.errors, [], 'the neutralised name matches the member again');
    assert.equal(report.alreadyRecorded, report.rows);
    assert.equal(report.toImport, 0);
  });
});
