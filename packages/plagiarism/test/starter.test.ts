import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanguageId } from '@logicode/contracts';
import { analyze, tokenize } from '../src/index.js';

const JAVA_STARTER = `import java.util.*;

public class Main {
    // Return the length of the longest strictly increasing run in a.
    static int longestRun(int[] a) {
        // TODO: write your solution here
        return 0;
    }

    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        int t = sc.nextInt();
        StringBuilder out = new StringBuilder();
        for (int tc = 0; tc < t; tc++) {
            int n = sc.nextInt();
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = sc.nextInt();
            }
            out.append(longestRun(a)).append('\\n');
        }
        System.out.print(out);
    }
}
`;

const PY_STARTER = `import sys


def longest_run(a):
    """Return the length of the longest strictly increasing run in a."""
    # TODO: write your solution here
    return 0


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        a = [int(x) for x in data[pos + 1:pos + 1 + n]]
        pos += 1 + n
        out.append(str(longest_run(a)))
    print("\\n".join(out))


main()
`;

const JAVA_SOLUTION = `if (a.length == 0) return 0;
        int best = 1, cur = 1;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[i - 1]) {
                cur++;
                if (cur > best) best = cur;
            } else {
                cur = 1;
            }
        }
        return best;`;

const PY_SOLUTION = `if not a:
        return 0
    best = cur = 1
    for i in range(1, len(a)):
        if a[i] > a[i - 1]:
            cur += 1
            best = max(best, cur)
        else:
            cur = 1
    return best`;

function fill(language: LanguageId, body: string): string {
  return language === 'java' ? JAVA_STARTER.replace('return 0;', body) : PY_STARTER.replace('return 0', body);
}

const cases: [LanguageId, string, string, string][] = [
  ['java', JAVA_STARTER, 'return a.length;', JAVA_SOLUTION],
  ['python', PY_STARTER, 'return len(a)', PY_SOLUTION],
];

for (const [language, starter, trivial, solution] of cases) {
  const ignored = [{ language, source: starter }];
  const sub = (id: number, source: string) => ({ id, userId: 100 + id, language, source });

  describe(`starter code (${language})`, () => {
    it('two students who submitted only the starter code are not a pair', () => {
      assert.deepEqual(analyze([sub(1, starter), sub(2, starter)], { ignored }).pairs, []);
    });

    it('two students who added the same trivial line to the starter are not a pair', () => {
      const source = fill(language, trivial);
      assert.deepEqual(analyze([sub(1, source), sub(2, source)], { ignored }).pairs, []);
    });

    it('without the starter given as ignored, the same two would be flagged (so the test above means something)', () => {
      const source = fill(language, trivial);
      assert.equal(analyze([sub(1, source), sub(2, source)]).pairs.length, 1);
    });

    it('still catches a copied solution inside the starter, scoring only the students\' own code', () => {
      const { pairs } = analyze([sub(1, fill(language, solution)), sub(2, fill(language, solution)), sub(3, fill(language, trivial))], { ignored });
      assert.equal(pairs.length, 1);
      const [pair] = pairs;
      assert.deepEqual([pair!.leftId, pair!.rightId], [1, 2]);
      assert.equal(pair!.similarity, 1);
      // The starter's tokens are not counted; those within k − 1 of the student's code are (their k-grams are new).
      const all = tokenize(language, fill(language, solution)).kinds.length;
      assert.ok(pair!.leftTotalTokens < all / 2, `${pair!.leftTotalTokens} of ${all} tokens counted`);
    });

    it('never highlights the starter: the regions of a copy cover only the students\' own code', () => {
      const source = fill(language, solution);
      const [pair] = analyze([sub(1, source), sub(2, source)], { ignored }).pairs;
      assert.ok(pair && pair.fragments.length >= 1);
      const starterLines = new Set(starter.split('\n').map((l) => l.trim()).filter((l) => l.length > 12));
      for (const f of pair.fragments) {
        const lines = source.split('\n').slice(f.left.startLine - 1, f.left.endLine).map((l) => l.trim());
        assert.ok(!lines.slice(1, -1).some((l) => starterLines.has(l)), `a region spans starter code: ${JSON.stringify(f)}`);
        assert.deepEqual(f.left, f.right, 'the same code on both sides');
      }
    });
  });
}
