import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PROCTOR_SETTINGS, type ProctorSettings } from '@logicode/contracts';
import { applyEvents, integrityOf, isPractice, practiceRules, severityOf, toEventRecord } from '../src/index.js';
import { ev } from './helpers.js';

const exam: ProctorSettings = { ...DEFAULT_PROCTOR_SETTINGS, allowedTabSwitches: 0, largePasteChars: 100, fullscreenRequired: true };
const practice = practiceRules(exam);

const cheating = () => [
  ev('paste', { length: 5000, place: 'editor' }),
  ev('paste', { length: 400, place: 'editor' }),
  ev('tab_hidden', {}), ev('tab_hidden', {}), ev('tab_hidden', {}),
  ev('devtools_shortcut', { key: 'F12' }),
  ev('fullscreen_exit', {}),
  ev('copy', { length: 300, place: 'statement' }),
  ev('idle_end', { idleMs: 3_600_000 }),
];

test('practice: the same events that flag an exam raise no flag and cost no integrity', () => {
  const inExam = applyEvents(null, cheating(), exam);
  assert.ok(inExam.flags.some((f) => f.severity === 'high'), 'the exam flags them');
  assert.ok(integrityOf(inExam.counters, exam).score < 50);

  const inPractice = applyEvents(null, cheating(), practice);
  assert.deepEqual(inPractice.flags, []);
  assert.deepEqual(integrityOf(inPractice.counters, practice), { score: 100, reasons: [] });
  // The facts are still counted: a teacher who turned recording on sees them.
  assert.equal(inPractice.counters.paste, 2);
  assert.equal(inPractice.counters.largePaste, 2);
  assert.equal(inPractice.counters.tabHidden, 3);
  assert.equal(inPractice.counters.devtools, 1);
});

test('practice: no event is more than low; info stays info', () => {
  for (const event of cheating()) {
    assert.equal(severityOf(event, practice), 'low', event.type);
    assert.equal(toEventRecord(event, { userId: 1, receivedAt: '', settings: practice }).severity, 'low');
  }
  assert.equal(severityOf(ev('tab_visible', { hiddenMs: 10 }), practice), 'info');
  assert.equal(severityOf(ev('paste', { length: 5000, place: 'editor' }), exam), 'high');
});

test('practice rules are the settings plus a marker the exam rules never carry', () => {
  assert.equal(isPractice(practice), true);
  assert.equal(isPractice(exam), false);
  assert.equal(isPractice({ ...DEFAULT_PROCTOR_SETTINGS }), false);
  assert.equal(practice.largePasteChars, exam.largePasteChars);
});
