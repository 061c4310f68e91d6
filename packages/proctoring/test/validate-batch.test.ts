import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCTOR_BATCH_MAX_EVENTS } from '@logicode/contracts';
import { validateBatch, withoutKnown } from '../src/index.js';
import { NOW_MS, ev } from './helpers.js';

test('keeps valid events and refuses each invalid one with its reason', () => {
  const good1 = ev('paste', { length: 12, place: 'editor' });
  const good2 = ev('tab_hidden', {});
  const items: unknown[] = [
    good1,
    { ...ev('paste', { length: 1, place: 'editor' }), data: { length: -4, place: 'editor' } },
    { ...ev('tab_hidden', {}), id: 'not-a-uuid' },
    { ...ev('copy', { length: 3, place: 'other' }), type: 'teleport' },
    { ...ev('tab_hidden', {}), severity: 'low', data: { severity: 'low' } },
    'junk',
    good2,
  ];
  const out = validateBatch(items, { nowMs: NOW_MS });
  assert.deepEqual(out.events.map((e) => e.id), [good1.id, good2.id]);
  assert.deepEqual(out.rejected.map((r) => r.index), [1, 2, 3, 4, 5]);
  assert.match(out.rejected[0]!.reason, /data\.length/);
  assert.match(out.rejected[1]!.reason, /^id:/);
  assert.equal(out.rejected[0]!.id, (items[1] as { id: string }).id);
  assert.equal(out.rejected[4]!.id, null);
  assert.match(out.rejected[3]!.reason, /severity|Unrecognized/i);
});

test('dedupes repeated ids inside a batch, case-insensitively', () => {
  const a = ev('window_blur', {});
  const out = validateBatch([a, { ...a }, { ...a, id: a.id.toUpperCase() }], { nowMs: NOW_MS });
  assert.equal(out.events.length, 1);
  assert.equal(out.duplicates, 2);
  assert.equal(withoutKnown(out.events, new Set([a.id])).length, 0);
});

test('checks shape only: the clock rule needs the attempt (judgeEventTime, attempt-window.test.ts)', () => {
  const late = ev('tab_hidden', {}, -3 * 24 * 3600 * 1000);
  const out = validateBatch([late], { nowMs: NOW_MS });
  assert.equal(out.events.length, 1);
});

test('refuses events past the batch maximum', () => {
  const items = Array.from({ length: PROCTOR_BATCH_MAX_EVENTS + 2 }, () => ev('window_focus', {}));
  const out = validateBatch(items, { nowMs: NOW_MS });
  assert.equal(out.events.length, PROCTOR_BATCH_MAX_EVENTS);
  assert.equal(out.rejected.length, 2);
});

test('validates snapshots: full and diff, and refuses a backwards edit', () => {
  const full = ev('code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'print(1)\n' });
  const diff = ev('code_snapshot', { kind: 'diff', seq: 2, baseSeq: 1, language: 'python', edits: [{ from: 6, to: 7, text: '2' }] });
  const bad = ev('code_snapshot', { kind: 'diff', seq: 3, baseSeq: 2, language: 'python', edits: [{ from: 5, to: 2, text: '' }] });
  const out = validateBatch([full, diff, bad], { nowMs: NOW_MS });
  assert.equal(out.events.length, 2);
  assert.equal(out.rejected[0]!.index, 2);
});
