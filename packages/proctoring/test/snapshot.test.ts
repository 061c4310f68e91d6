import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, latestSnapshot, rebuildSnapshots } from '../src/index.js';

test('applies edits in order', () => {
  assert.equal(applyEdits('hello world', [{ from: 0, to: 5, text: 'HELLO' }, { from: 11, to: 11, text: '!' }]), 'HELLO world!');
  assert.equal(applyEdits('abc', [{ from: 1, to: 9, text: '' }]), null);
});

test('rebuilds snapshots from a full one and diffs, out of order, and finds the latest rebuildable', () => {
  const snaps = [
    { clientTsMs: 3, data: { kind: 'diff' as const, seq: 3, baseSeq: 2, language: 'python' as const, edits: [{ from: 8, to: 8, text: '\nprint(2)' }] } },
    { clientTsMs: 1, data: { kind: 'full' as const, seq: 1, language: 'python' as const, content: 'print(0)' } },
    { clientTsMs: 2, data: { kind: 'diff' as const, seq: 2, baseSeq: 1, language: 'python' as const, edits: [{ from: 6, to: 7, text: '1' }] } },
    { clientTsMs: 5, data: { kind: 'diff' as const, seq: 5, baseSeq: 4, language: 'python' as const, edits: [{ from: 0, to: 0, text: 'x' }] } },
  ];
  const rebuilt = rebuildSnapshots(snaps);
  assert.deepEqual(rebuilt.map((s) => s.content), ['print(0)', 'print(1)', 'print(1)\nprint(2)', null]);
  assert.equal(latestSnapshot(snaps)?.seq, 3);
  assert.equal(latestSnapshot([]), null);
});
