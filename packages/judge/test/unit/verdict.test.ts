import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunOutcome } from '../../src/sandbox/types.js';
import { runVerdict, scoreOf, signalName } from '../../src/verdict.js';

const limits = { timeLimitMs: 1000, memoryLimitKb: 65_536, memoryErrorPattern: /std::bad_alloc/ };
function outcome(over: Partial<RunOutcome>): RunOutcome {
  return { status: 'ok', exitCode: 0, signal: null, cpuMs: 10, wallMs: 12, memoryKb: 2000, oomKilled: false, stdout: Buffer.from('3\n'), stderr: Buffer.alloc(0), stdoutBytes: 2, stderrBytes: 0, ...over };
}

describe('runVerdict', () => {
  it('a clean run goes on to the checker', () => {
    assert.deepEqual(runVerdict(outcome({}), limits), { verdict: null, message: null });
  });
  it('TLE: killed for CPU, SIGXCPU, CPU over the limit, wall time, a hung sandbox', () => {
    assert.equal(runVerdict(outcome({ status: 'cpu', signal: 9, exitCode: null }), limits).verdict, 'TLE');
    assert.equal(runVerdict(outcome({ signal: 24, exitCode: null }), limits).verdict, 'TLE');
    assert.equal(runVerdict(outcome({ cpuMs: 1001 }), limits).verdict, 'TLE');
    assert.match(runVerdict(outcome({ status: 'wall', signal: 9, exitCode: null }), limits).message ?? '', /Wall/);
    assert.equal(runVerdict(outcome({ status: 'crashed', detail: 'the sandbox did not answer in time' }), limits).verdict, 'TLE');
  });
  it('MLE: OOM kill, peak over the limit, or the language\'s out-of-memory error', () => {
    assert.equal(runVerdict(outcome({ signal: 9, exitCode: null, oomKilled: true }), limits).verdict, 'MLE');
    assert.equal(runVerdict(outcome({ memoryKb: 70_000 }), limits).verdict, 'MLE');
    assert.equal(runVerdict(outcome({ signal: 6, exitCode: null, stderr: Buffer.from("terminate called after throwing an instance of 'std::bad_alloc'") }), limits).verdict, 'MLE');
    // the pattern only counts when the run failed
    assert.equal(runVerdict(outcome({ stderr: Buffer.from('std::bad_alloc') }), limits).verdict, null);
  });
  it('OLE: killed over the output cap, SIGXFSZ, or EFBIG from a runtime that ignores SIGXFSZ', () => {
    assert.equal(runVerdict(outcome({ status: 'ole', signal: 9, exitCode: null }), limits).verdict, 'OLE');
    assert.equal(runVerdict(outcome({ signal: 25, exitCode: null }), limits).verdict, 'OLE');
    assert.equal(runVerdict(outcome({ exitCode: 1, stderr: Buffer.from('OSError: [Errno 27] File too large') }), limits).verdict, 'OLE');
  });
  it('RE names the signal or the exit code', () => {
    assert.deepEqual(runVerdict(outcome({ signal: 11, exitCode: null }), limits), { verdict: 'RE', message: 'Killed by SIGSEGV (a bad pointer, or a stack overflow?).' });
    // a stack overflow touches the whole stack (up to the memory limit) before its SIGSEGV: still RE
    assert.equal(runVerdict(outcome({ signal: 11, exitCode: null, memoryKb: 66_000 }), limits).verdict, 'RE');
    assert.deepEqual(runVerdict(outcome({ exitCode: 3 }), limits), { verdict: 'RE', message: 'Exit code 3.' });
    assert.equal(runVerdict(outcome({ status: 'crashed', detail: 'the sandbox exited (9)' }), limits).verdict, 'RE');
  });
  it('IE when the sandbox never started', () => {
    assert.equal(runVerdict(outcome({ status: 'crashed', sandboxFault: true, detail: 'bwrap: no' }), limits).verdict, 'IE');
  });
  it('TLE outranks MLE when both happened', () => {
    assert.equal(runVerdict(outcome({ status: 'cpu', oomKilled: true }), limits).verdict, 'TLE');
  });
  it('signal names prefer the usual alias', () => {
    assert.equal(signalName(6), 'SIGABRT');
    assert.equal(signalName(8), 'SIGFPE');
  });
});

describe('scoreOf', () => {
  it('is the accepted weight over the total weight', () => {
    assert.equal(scoreOf([1, 2, 1], ['AC', 'WA', 'AC']), 0.5);
    assert.equal(scoreOf([1, 1], ['AC', null]), 0.5); // a test not run (stop on first failure) counts as failed
    assert.equal(scoreOf([1, 1], ['AC', 'AC']), 1);
  });
  it('all-zero weights: 1 only when everything passed', () => {
    assert.equal(scoreOf([0, 0], ['AC', 'AC']), 1);
    assert.equal(scoreOf([0, 0], ['AC', 'WA']), 0);
    assert.equal(scoreOf([], []), 1);
  });
});
