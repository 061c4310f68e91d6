import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTransientDbError, retryTransient } from '../src/db-retry.js';

function mysqlError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('retryTransient', () => {
  it('re-issues work that lost a deadlock and returns its result', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls += 1;
      if (calls < 3) throw mysqlError('ER_LOCK_DEADLOCK', 'Deadlock found when trying to get lock; try restarting transaction');
      return 'stored';
    });
    assert.equal(result, 'stored');
    assert.equal(calls, 3);
  });

  it('gives up after the last attempt with the database error', async () => {
    let calls = 0;
    await assert.rejects(retryTransient(async () => {
      calls += 1;
      throw mysqlError('ER_LOCK_WAIT_TIMEOUT', 'Lock wait timeout exceeded');
    }, 2), /Lock wait timeout/);
    assert.equal(calls, 2);
  });

  it('does not repeat other failures', async () => {
    let calls = 0;
    await assert.rejects(retryTransient(async () => {
      calls += 1;
      throw mysqlError('ER_DUP_ENTRY', 'Duplicate entry');
    }), /Duplicate entry/);
    assert.equal(calls, 1);
  });

  it('knows SQLite busy and MySQL deadlocks apart from the rest', () => {
    assert.equal(isTransientDbError(mysqlError('SQLITE_BUSY', 'database is locked')), true);
    assert.equal(isTransientDbError(new Error('Deadlock found when trying to get lock')), true);
    assert.equal(isTransientDbError(mysqlError('ER_NO_SUCH_TABLE', 'no table')), false);
    assert.equal(isTransientDbError(null), false);
  });
});
