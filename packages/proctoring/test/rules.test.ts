import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PROCTOR_SETTINGS, type ProctorSettings } from '@logicode/contracts';
import { applyEvents, effectiveSettings, integrityOf, severityOf, severitiesAtLeast } from '../src/index.js';
import { ev } from './helpers.js';

const settings: ProctorSettings = { ...DEFAULT_PROCTOR_SETTINGS, allowedTabSwitches: 2, largePasteChars: 100 };

test('effective settings: problem overrides on top of global ones', () => {
  const s = effectiveSettings(settings, { fullscreenRequired: true, actionOnBreach: 'warn', idleLimitSec: undefined });
  assert.equal(s.fullscreenRequired, true);
  assert.equal(s.actionOnBreach, 'warn');
  assert.equal(s.idleLimitSec, settings.idleLimitSec);
  assert.deepEqual(effectiveSettings(null, null), DEFAULT_PROCTOR_SETTINGS);
});

test('severity comes from the server rules', () => {
  assert.equal(severityOf(ev('paste', { length: 100, place: 'editor' }), settings), 'high');
  assert.equal(severityOf(ev('paste', { length: 60, place: 'editor' }), settings), 'medium');
  assert.equal(severityOf(ev('paste', { length: 5000, place: 'other' }), settings), 'low');
  assert.equal(severityOf(ev('paste', { length: 100, place: 'editor' }), { ...settings, largePasteChars: 500 }), 'medium');
  assert.equal(severityOf(ev('devtools_shortcut', { key: 'F12' }), settings), 'high');
  assert.equal(severityOf(ev('fullscreen_exit', {}), settings), 'low');
  assert.equal(severityOf(ev('fullscreen_exit', {}), { ...settings, fullscreenRequired: true }), 'medium');
  assert.equal(severityOf(ev('code_snapshot', { kind: 'full', seq: 1, language: 'c', content: '' }), settings), 'info');
  assert.deepEqual(severitiesAtLeast('medium'), ['medium', 'high']);
});

test('tab switches: flagged when the allowance is exceeded, then every 5 more', () => {
  const events = Array.from({ length: 9 }, () => ev('tab_hidden', {}));
  const { counters, flags } = applyEvents(null, events, settings);
  assert.equal(counters.tabHidden, 9);
  assert.deepEqual(flags.map((f) => f.key), ['tab_switches:3', 'tab_switches:8']);
  assert.equal(flags[0]!.eventId, events[2]!.id);
  assert.match(flags[0]!.reason, /3 times \(allowed: 2\)/);
});

test('counters carry over between batches, so the flag fires once across them', () => {
  const first = applyEvents(null, [ev('tab_hidden', {}), ev('tab_hidden', {})], settings);
  assert.equal(first.flags.length, 0);
  const second = applyEvents(first.counters, [ev('tab_hidden', {})], settings);
  assert.equal(second.flags.length, 1);
  assert.equal(second.counters.tabHidden, 3);
});

test('large paste, devtools, required fullscreen and idle produce flags with the configured action', () => {
  const s: ProctorSettings = { ...settings, fullscreenRequired: true, idleLimitSec: 60, actionOnBreach: 'end_attempt' };
  const { flags, counters } = applyEvents(null, [
    ev('paste', { length: 99, place: 'editor' }),
    ev('paste', { length: 400, place: 'editor' }),
    ev('paste', { length: 400, place: 'other' }),
    ev('devtools_shortcut', { key: 'F12' }),
    ev('fullscreen_exit', {}),
    ev('idle_start', {}),
    ev('idle_end', { idleMs: 61_000 }),
    ev('idle_end', { idleMs: 59_000 }),
  ], s);
  assert.deepEqual(flags.map((f) => f.rule), ['large_paste', 'devtools', 'fullscreen_exit', 'idle_limit']);
  assert.ok(flags.every((f) => f.action === 'end_attempt'));
  assert.equal(counters.largePaste, 1);
  assert.equal(counters.pasteOutsideEditor, 1);
  assert.equal(counters.pasteChars, 899);
  assert.equal(counters.longIdle, 1);
});

test('no flags when fullscreen is not required or proctoring is off', () => {
  assert.equal(applyEvents(null, [ev('fullscreen_exit', {})], settings).flags.length, 0);
  const off = { ...settings, enabled: false };
  const { flags, counters } = applyEvents(null, [ev('devtools_shortcut', { key: 'F12' })], off);
  assert.equal(flags.length, 0);
  assert.equal(counters.devtools, 1);
  assert.deepEqual(integrityOf(counters, off), { score: 100, reasons: [] });
});

test('integrity score: capped penalties with reasons', () => {
  const events = [
    ...Array.from({ length: 12 }, () => ev('tab_hidden', {})),
    ...Array.from({ length: 4 }, () => ev('paste', { length: 300, place: 'editor' })),
    ev('copy', { length: 40, place: 'statement' }),
  ];
  const { counters } = applyEvents(null, events, settings);
  const integrity = integrityOf(counters, settings);
  assert.deepEqual(integrity.reasons.map((r) => [r.code, r.count, r.penalty]), [
    ['tab_switches', 10, 30], ['large_paste', 4, 45], ['copy_from_statement', 1, 2],
  ]);
  assert.equal(integrity.score, 23);
  assert.equal(integrityOf(applyEvents(null, [], settings).counters, settings).score, 100);
});
