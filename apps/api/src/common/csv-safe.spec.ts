import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { neutraliseCell, safeCsv } from './csv-safe.js';

describe('safe CSV', () => {
  it('prefixes cells a spreadsheet would read as a formula', () => {
    for (const s of ['=SUM(A1)', '+46', '-1', '@cmd', '\tx', '\rx']) assert.equal(neutraliseCell(s), `'${s}`);
    for (const s of ['Nej', '12', '', 'a=b']) assert.equal(neutraliseCell(s), s);
  });
  it('quotes what needs quoting after neutralising', () => {
    assert.equal(safeCsv(['a'], [['=1;2']]), '\uFEFFa\r\n"\'=1;2"\r\n');
  });
});
