// Issue 15, item 9: a CSV cell that holds a separator (comma, `;`, tab), a quote or a line break is quoted, and a
// formula prefix is neutralised at the start of the cell and after any separator inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, scoreboardCsv } from '@logicode/core';

test('a name with ; or a tab is quoted, and a formula after it is neutralised', () => {
  assert.equal(csvField('Bob;=HYPERLINK("http://x")'), `"Bob;'=HYPERLINK(""http://x"")"`);
  assert.equal(csvField('Bob\t=1+1'), `"Bob\t'=1+1"`);
  assert.equal(csvField('Ann; Lee'), '"Ann; Lee"');
  assert.equal(csvField('a,@SUM(A1)'), `"a,'@SUM(A1)"`);
  assert.equal(csvField('line\n+cmd'), `"line\n'+cmd"`);
});

test('a formula first is neutralised; plain text and numbers are left alone', () => {
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('-2'), "'-2");
  assert.equal(csvField('\tx'), `"'\tx"`);
  assert.equal(csvField('Alice Chen'), 'Alice Chen');
  assert.equal(csvField('O"Brien'), '"O""Brien"');
  assert.equal(csvField(-2), '-2');
  assert.equal(csvField(null), '');
});

test('split on ; or on tabs (ignoring quotes), no cell of a hostile scoreboard starts with a formula prefix', () => {
  const csv = scoreboardCsv({
    problems: [{ problemId: 1, title: 'Sum;=2+2', points: 10 }],
    rows: [{
      rank: 1, userId: 1, name: 'Eve;=cmd|"/c calc"!A1\t@x', email: 'eve@x.io,-1', problems: [{ problemId: 1, points: 10 }],
      adjustmentPoints: 0, totalPoints: 10, timeUsedMs: 1000, flags: 0, integrityScore: 100,
    }],
  } as unknown as Parameters<typeof scoreboardCsv>[0]);
  for (const separator of [';', '\t', ',']) {
    for (const line of csv.split('\r\n')) {
      for (const cell of line.split(separator)) assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+@]/, `cell ${JSON.stringify(cell)} split on ${JSON.stringify(separator)}`);
    }
  }
});
