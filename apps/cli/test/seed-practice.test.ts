import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSeedProblems } from '../src/seed-problems.js';

// Practice and exams apart (docs/proctoring.md): untimed problems are practice, not recorded; the demo keeps a timed
// one so proctoring can still be shown without building an assessment (the README names it).
test('the demo seeds a timed FizzBuzz (proctored) and untimed practice problems', () => {
  const problems = loadSeedProblems();
  const timed = problems.filter((p) => p.problem.timedDurationSec !== null).map((p) => p.problem.title);
  assert.deepEqual(timed, ['FizzBuzz']);
  assert.equal(problems.find((p) => p.problem.title === 'FizzBuzz')!.problem.timedDurationSec, 1800, 'the README says 30 minutes');
  assert.ok(problems.length - timed.length >= 10, 'most of the demo is practice');
});
