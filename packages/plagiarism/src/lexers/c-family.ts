import { BOOL, CHR, emptyTokens, ID, NUM, pushToken, REGEX, STR, type TokenList } from '../tokens.js';
import type { CFamilySpec } from './c-family-specs.js';
import { isDigit, isIdentStart, isSpace, scanIdent, scanNumber, scanOperator, scanQuoted, scanUntil } from './scan.js';

/** Kinds after which a JavaScript '/' divides; after anything else it opens a regex literal. */
const VALUE_ENDS = new Set([ID, NUM, STR, REGEX, BOOL, 'NULL', ')', ']', '}', 'this', 'super', '++', '--']);
const CPP_STRING_PREFIXES = new Set(['L', 'u', 'U', 'u8']);
const CPP_RAW_PREFIXES = new Set(['R', 'LR', 'uR', 'UR', 'u8R']);

/**
 * One lexer for C, C++, Java and JavaScript: comments and whitespace vanish, identifiers become ID, literals
 * NUM/STR/CHR/REGEX, keywords and operators stay. Strings are scanned before comments are looked for, so
 * "http://x" or "#" inside a literal is never a comment (the original's regex ate them).
 */
export function lexCFamily(src: string, spec: CFamilySpec): TokenList {
  const out = emptyTokens();
  /** For JS templates: which '{' opened a `${`, so its '}' resumes the template. */
  const braces: boolean[] = [];
  let i = 0;
  let lineStart = true;
  const emit = (kind: string, start: number, end: number): void => {
    if (kind !== '') pushToken(out, kind, start, end);
  };
  const last = (): string => out.kinds[out.kinds.length - 1] ?? '';

  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) lineStart = true;
      i++;
      continue;
    }
    const ch = src[i]!;
    const next = src[i + 1];
    const atLineStart = lineStart;
    lineStart = false;
    if (ch === '/' && next === '/') {
      i = skipLine(src, i);
    } else if (ch === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (ch === '#' && spec.preprocessor && atLineStart) {
      i = skipDirective(src, i);
    } else if (ch === '"' && spec.textBlocks && src.startsWith('"""', i)) {
      const end = scanUntil(src, i + 3, '"""', true);
      emit(STR, i, end);
      i = end;
    } else if (ch === '"' || (ch === "'" && !spec.charLiterals)) {
      const end = scanQuoted(src, i, ch, true);
      emit(STR, i, end);
      i = end;
    } else if (ch === "'") {
      const end = scanQuoted(src, i, "'", true);
      emit(CHR, i, end);
      i = end;
    } else if (ch === '`' && spec.templates) {
      i = scanTemplate(src, i + 1, i, out, braces);
    } else if (isDigit(c) || (ch === '.' && isDigit(src.charCodeAt(i + 1)))) {
      const end = scanNumber(src, i, spec.cppLiterals);
      emit(NUM, i, end);
      i = end;
    } else if (isIdentStart(c)) {
      i = lexWord(src, i, spec, emit);
    } else if (ch === '/' && spec.regexLiterals && !VALUE_ENDS.has(last())) {
      const end = scanRegex(src, i);
      emit(REGEX, i, end);
      i = end;
    } else if (ch === '{' || ch === '}') {
      if (ch === '}' && spec.templates && braces.length > 0 && braces[braces.length - 1]) {
        braces.pop();
        i = scanTemplate(src, i + 1, i, out, braces);
        continue;
      }
      if (ch === '{') braces.push(false);
      else braces.pop();
      emit(ch, i, i + 1);
      i++;
    } else {
      const end = scanOperator(src, i, spec.ops);
      const op = src.slice(i, end);
      if (!spec.dropPunctuation.has(op)) emit(op, i, end);
      i = end;
    }
  }
  return out;
}

/** An identifier or keyword, or a C++ prefixed/raw string, or a skipped statement. Returns the next offset. */
function lexWord(src: string, i: number, spec: CFamilySpec, emit: (k: string, s: number, e: number) => void): number {
  const end = scanIdent(src, i);
  const word = src.slice(i, end);
  const after = src[end];
  if (spec.cppLiterals && after === '"' && CPP_RAW_PREFIXES.has(word)) {
    const open = src.indexOf('(', end);
    const delimiter = open < 0 ? '' : src.slice(end + 1, open);
    const close = src.indexOf(`)${delimiter}"`, open + 1);
    const stop = close < 0 || open < 0 ? src.length : close + delimiter.length + 2;
    emit(STR, i, stop);
    return stop;
  }
  if (spec.cppLiterals && (after === '"' || after === "'") && CPP_STRING_PREFIXES.has(word)) {
    const stop = scanQuoted(src, end, after, true);
    emit(after === '"' ? STR : CHR, i, stop);
    return stop;
  }
  if (spec.skipStatements.has(word) && (word !== 'using' || /^\s+namespace\b/.test(src.slice(end, end + 20)))) {
    const semi = src.indexOf(';', end);
    return semi < 0 ? src.length : semi + 1;
  }
  if (spec.keywords.has(word)) emit(spec.kindOf.get(word) ?? word, i, end);
  else emit(ID, i, end);
  return end;
}

function skipLine(src: string, i: number): number {
  const nl = src.indexOf('\n', i);
  return nl < 0 ? src.length : nl;
}

/** A preprocessor directive, including backslash-continued lines and comments inside it. */
function skipDirective(src: string, i: number): number {
  let j = i;
  while (j < src.length) {
    const nl = src.indexOf('\n', j);
    if (nl < 0) return src.length;
    const lineEnd = src[nl - 1] === '\r' ? nl - 1 : nl;
    if (src[lineEnd - 1] !== '\\') return nl;
    j = nl + 1;
  }
  return src.length;
}

/**
 * A template literal chunk from `i` (just past ` or the } closing a substitution). Emits one STR for the
 * chunk; at `${` it records the open substitution and returns, so the expression inside is lexed as code.
 */
function scanTemplate(src: string, i: number, start: number, out: TokenList, braces: boolean[]): number {
  let j = i;
  while (j < src.length) {
    const ch = src[j];
    if (ch === '\\') j += 2;
    else if (ch === '`') {
      pushToken(out, STR, start, j + 1);
      return j + 1;
    } else if (ch === '$' && src[j + 1] === '{') {
      pushToken(out, STR, start, j + 2);
      braces.push(true);
      return j + 2;
    } else j++;
  }
  pushToken(out, STR, start, src.length);
  return src.length;
}

/** A regex literal: up to the closing '/' outside a [class], then its flags. */
function scanRegex(src: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < src.length) {
    const ch = src[j];
    if (ch === '\\') j += 2;
    else if (ch === '\n') return j;
    else if (ch === '[' || ch === ']') {
      inClass = ch === '[';
      j++;
    } else if (ch === '/' && !inClass) {
      j++;
      while (j < src.length && isIdentStart(src.charCodeAt(j))) j++;
      return j;
    } else j++;
  }
  return j;
}
