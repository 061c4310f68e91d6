import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCTOR_CLOCK_TOLERANCE_MS, PROCTOR_LATE_GRACE_MS } from '@logicode/contracts';
import { judgeEventTime, skewOf } from '../src/index.js';

const START = 1_700_000_000_000;
const MIN = 60_000;
const running = { startedAtMs: START, endAtMs: null };
const ended = { startedAtMs: START, endAtMs: START + 30 * MIN };

test('a running attempt takes client times from its start to now, within the tolerance', () => {
  const clock = { receivedAtMs: START + 10 * MIN, clockSkewMs: 0 };
  assert.deepEqual(judgeEventTime(START + 5 * MIN, running, clock), { ok: true, late: false, boundedTsMs: START + 5 * MIN });
  assert.equal(judgeEventTime(START - PROCTOR_CLOCK_TOLERANCE_MS + 1, running, clock).ok, true);
  const early = judgeEventTime(START - PROCTOR_CLOCK_TOLERANCE_MS - 1, running, clock);
  assert.ok(!early.ok && /before the attempt started/.test(early.reason));
  const dayAgo = judgeEventTime(clock.receivedAtMs - 24 * 3600_000, running, clock);
  assert.equal(dayAgo.ok, false, 'the old ±24 h trust is gone');
  const future = judgeEventTime(clock.receivedAtMs + PROCTOR_CLOCK_TOLERANCE_MS + 1, running, clock);
  assert.ok(!future.ok && /future/.test(future.reason));
});

test('times inside the tolerance are stored bounded to [start, receipt]', () => {
  const clock = { receivedAtMs: START + MIN, clockSkewMs: 0 };
  const before = judgeEventTime(START - 1000, running, clock);
  assert.ok(before.ok && before.boundedTsMs === START);
  const ahead = judgeEventTime(START + MIN + 1000, running, clock);
  assert.ok(ahead.ok && ahead.boundedTsMs === START + MIN);
});

test('after the end: recorded before it and received within the grace is late; anything else is refused', () => {
  const flush = judgeEventTime(ended.endAtMs - 1000, ended, { receivedAtMs: ended.endAtMs + MIN, clockSkewMs: 0 });
  assert.deepEqual(flush, { ok: true, late: true, boundedTsMs: ended.endAtMs - 1000 });
  const afterEnd = judgeEventTime(ended.endAtMs + PROCTOR_CLOCK_TOLERANCE_MS + 1, ended, { receivedAtMs: ended.endAtMs + MIN, clockSkewMs: 0 });
  assert.ok(!afterEnd.ok && /had ended/.test(afterEnd.reason));
  const pastGrace = judgeEventTime(ended.endAtMs - 1000, ended, { receivedAtMs: ended.endAtMs + PROCTOR_LATE_GRACE_MS + 1, clockSkewMs: 0 });
  assert.ok(!pastGrace.ok && /ended more than/.test(pastGrace.reason));
  const beforeEnd = judgeEventTime(ended.endAtMs - 1000, ended, { receivedAtMs: ended.endAtMs - 500, clockSkewMs: 0 });
  assert.ok(beforeEnd.ok && !beforeEnd.late, 'received before the end: not late');
});

test('the batch\'s skew moves client times onto the server clock; an absurd skew is ignored', () => {
  const receivedAtMs = START + 10 * MIN;
  const skew = skewOf(receivedAtMs, receivedAtMs - 5 * MIN); // the client clock is 5 minutes behind
  assert.equal(skew, 5 * MIN);
  const ok = judgeEventTime(START - 2 * MIN, running, { receivedAtMs, clockSkewMs: skew });
  assert.ok(ok.ok && ok.boundedTsMs === START + 3 * MIN);
  assert.equal(skewOf(receivedAtMs, undefined), 0);
  const absurd = judgeEventTime(START - 2 * MIN, running, { receivedAtMs, clockSkewMs: 3 * 24 * 3600_000 });
  assert.equal(absurd.ok, false);
});
