import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../src/index.js';

const kinds = (language: Parameters<typeof tokenize>[0], source: string) => tokenize(language, source).kinds.join(' ');

describe('brace-language lexers', () => {
  it('keeps "//", "/*" and "#" inside strings (the original stripped them as comments)', () => {
    assert.equal(kinds('c', 'char *u = "http://x/*y*/"; // real comment\nint a;'), 'T * ID = STR ; T ID ;');
    assert.equal(kinds('java', 'String s = "a // b"; /* c */ int x = 1;'), 'ID ID = STR ; T ID = NUM ;');
    assert.equal(kinds('javascript', "const s = 'it''s // not' + \"#\"; // c"), 'DECL ID = STR STR + STR');
    assert.equal(kinds('cpp', 'auto s = "#include <x>"; // c'), 'T ID = STR ;');
  });

  it('reads char literals, including quotes and escapes inside them (a char is NUM: it is its code)', () => {
    assert.equal(kinds('c', "char q = '\"'; char b = '\\''; int x;"), 'T ID = NUM ; T ID = NUM ; T ID ;');
    assert.equal(kinds('java', "if (c == '/') x = '/';"), 'if ( ID EQ NUM ) ID = NUM ;');
  });

  it('reads C++ raw strings, prefixed literals and digit separators', () => {
    assert.equal(kinds('cpp', 'auto r = R"xy(a ")" // b)xy"; int n = 1\'000; auto w = u8"z"; char c = L\'q\';'),
      'T ID = STR ; T ID = NUM ; T ID = STR ; T ID = NUM ;');
  });

  it('reads Java text blocks', () => {
    assert.equal(kinds('java', 'String t = """\n  a " b // c\n  """; int x;'), 'ID ID = STR ; T ID ;');
  });

  it('reads JavaScript template literals with nested substitutions, and regex literals', () => {
    assert.equal(kinds('javascript', 'x = `a ${b + `c ${d}`} // e`;'), 'ID = STR ID + STR ID STR STR');
    assert.equal(kinds('javascript', 'r = /\\/\\/[/]x/g; y = a / b / c;'), 'ID = REGEX ID = ID / ID / ID');
    assert.equal(kinds('javascript', 'if (x) { return /#/.test(s) }'), 'if ( ID ) return REGEX . ID ( ID )');
  });

  it('skips preprocessor lines, imports and using-namespace, which are not evidence', () => {
    assert.equal(kinds('c', '#include <stdio.h>\n#define MAX \\\n 10\nint x;'), 'T ID ;');
    assert.equal(kinds('java', 'package a.b;\nimport java.util.*;\nclass A { int x; }'), 'class ID T ID ;');
    assert.equal(kinds('cpp', 'using namespace std;\nstd::vector<int> v;'), 'ID CMP T CMP ID ;');
  });

  it('forgets names, literal values, comments, whitespace and layout', () => {
    const a = 'int sum(int a, int b) {\n  return a + b; // add\n}';
    const b = '/* doc */ long   total ( long x,long y )\n{\n\treturn x+y;\n}\n';
    assert.equal(kinds('c', a), kinds('c', b));
  });

  it('ignores braces, so a braced and an unbraced body are the same', () => {
    assert.equal(kinds('c', 'if (a) { b(); }'), kinds('c', 'if (a)\n  b();'));
  });

  it('treats i++ and ++i alike', () => {
    assert.equal(kinds('java', 'i++;'), kinds('java', '++i;'));
    assert.equal(kinds('javascript', 'a[i]++'), 'ID [ ID ] ++');
  });

  it('records source offsets for each token', () => {
    const src = 'int x = "a//b";';
    const t = tokenize('c', src);
    const texts = t.kinds.map((_, i) => src.slice(t.starts[i], t.ends[i]));
    assert.deepEqual(texts, ['int', 'x', '=', '"a//b"', ';']);
  });
});

describe('Python lexer', () => {
  it('turns indentation into INDENT/DEDENT and logical lines into NEWLINE', () => {
    const src = 'def f(x):\n    if x:\n\n        return 1\n    return 2\nprint(f(0))\n';
    assert.equal(
      kinds('python', src),
      'def ID ( ID ) : NEWLINE INDENT if ID : NEWLINE INDENT return NUM NEWLINE DEDENT return NUM NEWLINE DEDENT ID ( ID ( NUM ) ) NEWLINE',
    );
  });

  it('drops comments and docstrings but keeps "#" inside strings', () => {
    const src = 'def f():\n    """Doc # with hash."""\n    s = "a # b"  # comment\n    \'\'\'a string used as a comment\'\'\'\n    return s\n';
    assert.equal(kinds('python', src), 'def ID ( ) : NEWLINE INDENT ID = STR NEWLINE return ID NEWLINE DEDENT');
  });

  it('joins lines inside brackets and after a backslash; reads prefixed and triple-quoted strings', () => {
    const src = 'x = [1,\n  2]\ny = 1 + \\\n  2\nz = rb"\\"" + f\'{x}\' + """a\nb"""\n';
    assert.equal(kinds('python', src), 'ID = [ NUM , NUM ] NEWLINE ID = NUM + NUM NEWLINE ID = STR + STR + STR NEWLINE');
  });

  it('is indifferent to indentation width, tabs and blank or comment lines', () => {
    const a = 'if a:\n    b()\n    if c:\n        d()\n';
    const b = '# top\nif a:\n\tb()\n\n\tif c:\n\t  # note\n\t  d()\n';
    assert.equal(kinds('python', a), kinds('python', b));
  });

  it('skips import lines', () => {
    assert.equal(kinds('python', 'import os\nfrom a import (b,\n c)\nx = 1\n'), 'ID = NUM NEWLINE');
  });
});

describe('rewrites a copier makes (normalised away)', () => {
  it('drops a dead store (set once, side-effect free, never read) inside a body, and nothing else', () => {
    const c = 'int f(int n) {\n  int s = 0;\n  for (int i = 0; i < n; i++) s += i;\n  return s;\n}';
    const cDead = 'int f(int n) {\n  int s = 0;\n  int unused_7 = 7 * 2;\n  for (int i = 0; i < n; i++) {\n    long tmp = -3;\n    s += i;\n  }\n  return s;\n}';
    assert.equal(kinds('c', cDead), kinds('c', c));
    const py = 'def f(n):\n    s = 0\n    for v in n:\n        s += v\n    return s\n';
    const pyDead = 'def f(n):\n    unused_3 = 3 * 2\n    s = 0\n    for v in n:\n        junk = v + 1\n        s += v\n    return s\n';
    assert.equal(kinds('python', pyDead), kinds('python', py));
    const js = 'function f(n) {\n  let s = 0\n  for (const v of n) s += v\n  return s\n}';
    const jsDead = 'function f(n) {\n  let s = 0\n  let unused_4 = 4 * 2\n  for (const v of n) s += v\n  return s\n}';
    assert.equal(kinds('javascript', jsDead), kinds('javascript', js));
    const java = 'class A { int f() { String label = "x"; int k = 2; return k; } }';
    assert.equal(kinds('java', java), 'class ID T ID ( ) T ID = NUM ; return ID ;');
    // Kept: a variable that is read, a value with a call (it may have effects), a top-level statement.
    assert.equal(kinds('c', 'void f() { int a = 1; g(a); int b = h(); }'), 'void ID ( ) T ID = NUM ; ID ( ID ) ; T ID = ID ( ) ;');
    assert.equal(kinds('python', 'x = 1\n'), 'ID = NUM NEWLINE');
  });

  it('reads i += 1 and i = i + 1 as i++ (brace languages), but not a step other than 1', () => {
    assert.equal(kinds('java', 'void f() { i += 1; j = j - 1; }'), kinds('java', 'void f() { i++; j--; }'));
    assert.equal(kinds('c', 'for (i = 0; i < n; i += 1) s++;'), kinds('c', 'for (i = 0; i < n; i++) s++;'));
    assert.equal(kinds('c', 'i += 2; i = j + 1; i += 1 + k;'), 'ID += NUM ; ID = ID + NUM ; ID += NUM + ID ;');
  });

  it('reads `for (; c; s)` as the while loop written by hand (no statement for the missing init)', () => {
    assert.equal(kinds('java', 'void f() { for (; p < n; p++) g(p); }'), kinds('java', 'void f() { while (p < n) { g(p); p++; } }'));
  });
});
