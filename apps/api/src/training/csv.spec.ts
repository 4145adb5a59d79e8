import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { neutralise, parseCsv, toCsv } from './csv.js';

describe('CSV', () => {
  it('reads semicolons or commas, quotes, a BOM and blank lines, keeping line numbers', () => {
    const text = '\uFEFFa;b\r\n1;"x;y"\r\n\r\n"multi\nline";"say ""hi"""\n3;4';
    assert.deepEqual(parseCsv(text), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x;y'] },
      { line: 4, cells: ['multi\nline', 'say "hi"'] },
      { line: 6, cells: ['3', '4'] },
    ]);
    assert.deepEqual(parseCsv('a,b\n1,2\n'), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('writes what it reads', () => {
    const text = toCsv(
      ['namn', 'anteckning'],
      [
        ['Åsa Öberg', 'sa "ja"; sedan nej'],
        ['Per', null],
      ],
    );
    assert.deepEqual(
      parseCsv(text).map((r) => r.cells),
      [
        ['namn', 'anteckning'],
        ['Åsa Öberg', 'sa "ja"; sedan nej'],
        ['Per', ''],
      ],
    );
  });

  it('neutralises cells a spreadsheet would run as formulas, and reads them back unchanged', () => {
    const risky = ['=HYPERLINK("http://x","y")', '+46 70', '-1', '@SUM(A1)', '\t=1+1', '\r=1', "'=quoted", "'plain", 'Åsa'];
    const text = toCsv(
      ['v'],
      risky.map((v) => [v]),
    );
    for (const line of text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1)) {
      assert.match(line, /^"?'|^Åsa$/, `every risky cell starts with a quote: ${JSON.stringify(line)}`);
    }
    assert.deepEqual(
      parseCsv(text)
        .slice(1)
        .map((r) => r.cells[0]),
      risky,
      'round trip',
    );
    assert.equal(neutralise('=1'), "'=1");
    assert.equal(neutralise('Per'), 'Per');
  });
});
