import { BOOL, emptyTokens, ID, NUM, pushToken, STR, type TokenList } from '../tokens.js';
import { isDigit, isIdentStart, operatorTable, scanIdent, scanNumber, scanOperator, scanQuoted, scanUntil } from './scan.js';

const KEYWORDS = new Set(
  `and as assert async await break class continue def del elif else except finally for global if in is lambda
  nonlocal not or pass raise return try while with yield`.split(/\s+/),
);
const KIND_OF = new Map([
  ['True', BOOL],
  ['False', BOOL],
  ['None', 'NULL'],
]);
const OPS = operatorTable(
  '**= //= >>= <<= ... ** // >> << <= >= == != -> += -= *= /= %= &= |= ^= @= :='.split(' '),
);
const STRING_PREFIX = /^(r|u|b|f|br|rb|fr|rf)$/i;
export const INDENT = 'INDENT';
export const DEDENT = 'DEDENT';
export const NEWLINE = 'NEWLINE';

/**
 * Python: indentation becomes INDENT/DEDENT (as in Python's own tokenizer), logical lines end in NEWLINE,
 * brackets and backslashes join lines, comments vanish, and a statement that is only a string (a docstring, or
 * a string used as a comment) vanishes too. import lines are skipped: which modules and in what order is not
 * evidence.
 */
export function lexPython(src: string): TokenList {
  const out = emptyTokens();
  const indents = [0];
  let depth = 0;
  let i = 0;
  let atLineStart = true;
  let lineFirst = 0;
  let skipping = false;

  const emit = (kind: string, start: number, end: number): void => {
    if (!skipping) pushToken(out, kind, start, end);
  };
  const endLogicalLine = (at: number): void => {
    const n = out.kinds.length;
    if (!skipping && n > lineFirst) {
      if (out.kinds.slice(lineFirst).every((k) => k === STR)) truncate(out, lineFirst);
      else pushToken(out, NEWLINE, at, at);
    }
    skipping = false;
    atLineStart = true;
  };

  while (i < src.length) {
    if (atLineStart && depth === 0) {
      const { col, next } = measureIndent(src, i);
      const ch = src[next];
      if (next >= src.length) break;
      if (ch === '\n' || ch === '\r' || ch === '#') {
        i = ch === '#' ? lineEnd(src, next) : next + 1;
        continue;
      }
      if (col > indents[indents.length - 1]!) {
        indents.push(col);
        pushToken(out, INDENT, next, next);
      }
      while (col < indents[indents.length - 1]!) {
        indents.pop();
        pushToken(out, DEDENT, next, next);
      }
      atLineStart = false;
      lineFirst = out.kinds.length;
      i = next;
      continue;
    }
    const ch = src[i]!;
    const c = src.charCodeAt(i);
    if (ch === '\n') {
      if (depth === 0) endLogicalLine(i);
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
      i++;
    } else if (ch === '#') {
      i = lineEnd(src, i);
    } else if (ch === '\\' && (src[i + 1] === '\n' || src[i + 1] === '\r')) {
      i = src[i + 1] === '\r' && src[i + 2] === '\n' ? i + 3 : i + 2;
    } else if (ch === '"' || ch === "'") {
      const end = scanString(src, i);
      emit(STR, i, end);
      i = end;
    } else if (isDigit(c) || (ch === '.' && isDigit(src.charCodeAt(i + 1)))) {
      const end = scanNumber(src, i, false);
      emit(NUM, i, end);
      i = end;
    } else if (isIdentStart(c)) {
      const end = scanIdent(src, i);
      const word = src.slice(i, end);
      const quote = src[end];
      if ((quote === '"' || quote === "'") && STRING_PREFIX.test(word)) {
        const stop = scanString(src, end);
        emit(STR, i, stop);
        i = stop;
        continue;
      }
      if ((word === 'import' || word === 'from') && out.kinds.length === lineFirst) skipping = true;
      emit(KIND_OF.get(word) ?? (KEYWORDS.has(word) ? word : ID), i, end);
      i = end;
    } else {
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
      const end = scanOperator(src, i, OPS);
      emit(src.slice(i, end), i, end);
      i = end;
    }
  }
  if (!atLineStart) endLogicalLine(src.length);
  while (indents.length > 1) {
    indents.pop();
    pushToken(out, DEDENT, src.length, src.length);
  }
  return out;
}

/** Columns of leading whitespace (a tab advances to the next multiple of 8, as CPython does). */
function measureIndent(src: string, i: number): { col: number; next: number } {
  let col = 0;
  let j = i;
  for (; j < src.length; j++) {
    const ch = src[j];
    if (ch === ' ') col++;
    else if (ch === '\t') col = Math.floor(col / 8) * 8 + 8;
    else if (ch === '\f') col = 0;
    else break;
  }
  return { col, next: j };
}

function lineEnd(src: string, i: number): number {
  const nl = src.indexOf('\n', i);
  return nl < 0 ? src.length : nl;
}

/** A string from its opening quote: '…', "…", or triple-quoted (which may span lines). */
function scanString(src: string, i: number): number {
  const q = src[i]!;
  if (src[i + 1] === q && src[i + 2] === q) return scanUntil(src, i + 3, q + q + q, true);
  return scanQuoted(src, i, q, true);
}

function truncate(list: TokenList, length: number): void {
  list.kinds.length = length;
  list.starts.length = length;
  list.ends.length = length;
}
