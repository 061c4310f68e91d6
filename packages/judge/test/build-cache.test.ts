// Compile once (build-cache.ts) through the judge's API: the same code compiles once, two jobs with the same code
// at the same time compile once, any change to the source is a new build, the cache stays within its bounds, and
// what it keeps is root's and read-only (a later job cannot be handed a file another sandbox could change).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createJudge } from '../src/index.js';
import type { Judge } from '../src/index.js';
import { job, TEST_WORK_ROOT } from './helpers.js';

const MAX_ENTRIES = 3;

describe('build cache', () => {
  let judge: Judge;
  before(async () => {
    judge = await createJudge({ workRoot: TEST_WORK_ROOT, log: () => {}, buildCache: { maxEntries: MAX_ENTRIES } });
  });
  after(async () => {
    await judge.close();
  });

  /** A fresh A+B in C (unique, so earlier runs on this machine do not count), judged; the build-cache outcome. */
  const program = (tag = randomUUID()) =>
    `#include <stdio.h>\n/* ${tag} */\nint main(void){long a,b;if(scanf("%ld %ld",&a,&b)!=2)return 1;printf("%ld\\n",a+b);return 0;}\n`;
  async function judged(src: string): Promise<string> {
    let cache = '';
    const r = await judge.run(job('c', src), { onCompiled: (_ms, info) => (cache = info.buildCache) });
    assert.equal(r.verdict, 'AC', r.compileOutput ?? '');
    return cache;
  }

  it('Run then Submit of the same code: the second build is a hit; another comment is another build', async () => {
    const src = program();
    assert.equal(await judged(src), 'miss');
    assert.equal(await judged(src), 'hit');
    assert.equal(await judged(src.replace('*/', ' */')), 'miss', 'the key is the whole source');
  });

  it('two jobs with the same code at once compile once', async () => {
    const src = program();
    const outcomes = await Promise.all([judged(src), judged(src)]);
    assert.deepEqual(outcomes.sort(), ['hit', 'miss']);
  });

  it('keeps at most maxEntries builds, least recently used out first; entries are root-owned and read-only', async () => {
    const first = program();
    assert.equal(await judged(first), 'miss');
    for (let i = 0; i < MAX_ENTRIES; i++) await judged(program());
    const dir = join(TEST_WORK_ROOT, 'build-cache');
    const entries = readdirSync(dir).filter((n) => !n.startsWith('tmp-'));
    assert.ok(entries.length <= MAX_ENTRIES, `${entries.length} entries`);
    for (const entry of entries) {
      for (const file of readdirSync(join(dir, entry))) {
        const st = statSync(join(dir, entry, file));
        if (process.getuid?.() === 0) assert.equal(st.uid, 0, `${file} is root's`);
        assert.equal(st.mode & 0o222, 0, `${file} is read-only`);
      }
    }
    assert.equal(await judged(first), 'miss', 'the oldest was evicted');
  });
});
