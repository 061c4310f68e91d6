import { emptyTokens, pushToken, type TokenList } from './tokens.js';

/**
 * Structural rewrites students make to hide a copy, undone on the token stream before braces are dropped
 * (issue 16: `for`→`while` and negated `if/else` put 8 copied pairs at exactly 0):
 * - a loop is one kind, LOOP, whichever keyword wrote it;
 * - `for (A; B; C) S` becomes `A; LOOP (B) S C;` — the `while` a student writes by hand — and Python's
 *   `for i in range(a, b):` becomes `i = a` / `LOOP i < b:` / … / `i += 1`;
 * - the two branches of `if (c) S1 else S2` (not an `else if` chain) are put in a canonical order, so the
 *   negated condition with swapped branches reads the same once `!`/`not` are dropped and the comparisons are
 *   one kind (normalize.ts).
 * Moved tokens keep their own source offsets (regions take the min and max over a run); tokens that exist only
 * in the rewritten form are zero-width, so they never count toward a score, only toward matching.
 */
export const LOOP = 'LOOP';

/** For each opening bracket its partner's index (and back); -1 elsewhere or when unbalanced. */
function partners(kinds: readonly string[], open: ReadonlySet<string>, close: ReadonlySet<string>): Int32Array {
  const out = new Int32Array(kinds.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (open.has(kinds[i]!)) stack.push(i);
    else if (close.has(kinds[i]!) && stack.length > 0) {
      const j = stack.pop()!;
      out[i] = j;
      out[j] = i;
    }
  }
  return out;
}

/** A branch's canonical sort key: its token kinds without layout, shorter first, then by text. */
function branchKey(kinds: readonly string[], from: number, to: number, layout: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) if (!layout.has(kinds[i]!)) parts.push(kinds[i]!);
  return `${String(parts.length).padStart(6, '0')} ${parts.join(' ')}`;
}

const C_OPEN = new Set(['(', '[', '{']);
const C_CLOSE = new Set([')', ']', '}']);
const C_LAYOUT = new Set(['{', '}', ';']);
/** Keywords that open a statement whose end a simple scan to ';' would get wrong. */
const C_COMPOUND = new Set(['if', 'for', 'while', 'do', 'switch', 'try', 'else']);

export function restructureCFamily(list: TokenList): TokenList {
  const { kinds, starts, ends } = list;
  const match = partners(kinds, C_OPEN, C_CLOSE);
  const out = emptyTokens();
  const emit = (i: number, kind = kinds[i]!): void => pushToken(out, kind, starts[i]!, ends[i]!);
  const synth = (kind: string, at: number): void => pushToken(out, kind, at, at);

  /** Index just past the statement starting at i (before `to`), or -1 when unsure. */
  function statementEnd(i: number, to: number): number {
    if (i >= to) return -1;
    const kind = kinds[i]!;
    if (kind === '{') return match[i]! < 0 || match[i]! >= to ? -1 : match[i]! + 1;
    if (kind === 'for' || kind === 'while' || kind === 'if') {
      if (kinds[i + 1] !== '(' || match[i + 1]! < 0) return -1;
      const e1 = statementEnd(match[i + 1]! + 1, to);
      if (kind !== 'if' || e1 < 0 || kinds[e1] !== 'else') return e1;
      return statementEnd(e1 + 1, to);
    }
    if (C_COMPOUND.has(kind)) return -1;
    for (let j = i; j < to; j++) {
      const k = kinds[j]!;
      if (k === ';') return j + 1;
      if (k === '}') return -1;
      if (C_OPEN.has(k)) {
        if (match[j]! < 0) return -1;
        j = match[j]!;
      }
    }
    return -1;
  }

  /** Emits [from, to) with its loops and branches rewritten. */
  function emitRange(from: number, to: number): void {
    let i = from;
    while (i < to) i = emitAt(i, to);
  }

  function emitAt(i: number, to: number): number {
    const kind = kinds[i]!;
    if (kind === 'for' && kinds[i + 1] === '(' && match[i + 1]! > i && match[i + 1]! < to) {
      const close = match[i + 1]!;
      const semis: number[] = [];
      for (let j = i + 2; j < close; j++) {
        if (kinds[j] === ';') semis.push(j);
        else if (C_OPEN.has(kinds[j]!) && match[j]! > j) j = match[j]!;
      }
      const bodyEnd = statementEnd(close + 1, to);
      if (semis.length === 2 && bodyEnd > 0) {
        const [s1, s2] = semis as [number, number];
        // `for (; c; s)` has no init: no statement, and no `;` for it (a `while` written by hand has none).
        if (s1 > i + 2) {
          emitRange(i + 2, s1);
          emit(s1);
        }
        emit(i, LOOP);
        emit(i + 1);
        emitRange(s1 + 1, s2);
        emit(close);
        const braced = kinds[close + 1] === '{';
        if (braced) emit(close + 1);
        emitRange(braced ? close + 2 : close + 1, braced ? bodyEnd - 1 : bodyEnd);
        emitRange(s2 + 1, close);
        if (s2 + 1 < close) synth(';', ends[close - 1]!);
        if (braced) emit(bodyEnd - 1);
        return bodyEnd;
      }
      emit(i, LOOP);
      return i + 1;
    }
    if (kind === 'while') {
      emit(i, LOOP);
      return i + 1;
    }
    if (kind === 'if' && kinds[i + 1] === '(' && match[i + 1]! > i && match[i + 1]! < to) {
      const close = match[i + 1]!;
      const e1 = statementEnd(close + 1, to);
      if (e1 > 0 && kinds[e1] === 'else' && kinds[e1 + 1] !== 'if') {
        const e2 = statementEnd(e1 + 1, to);
        if (e2 > 0) {
          emit(i);
          emitRange(i + 1, close + 1);
          let first: [number, number] = [close + 1, e1];
          let second: [number, number] = [e1 + 1, e2];
          if (branchKey(kinds, ...second, C_LAYOUT) < branchKey(kinds, ...first, C_LAYOUT)) [first, second] = [second, first];
          emitRange(...first);
          emit(e1);
          emitRange(...second);
          return e2;
        }
      }
    }
    emit(i);
    return i + 1;
  }

  emitRange(0, kinds.length);
  return out;
}

const PY_LAYOUT = new Set(['NEWLINE', 'INDENT', 'DEDENT']);

/** Python: `for v in range(…):` → while form, loops as LOOP, `if/else` branches in canonical order. */
export function restructurePython(list: TokenList, source: string): TokenList {
  const { kinds, starts, ends } = list;
  const blocks = partners(kinds, new Set(['INDENT']), new Set(['DEDENT']));
  const brackets = partners(kinds, C_OPEN, C_CLOSE);
  const out = emptyTokens();
  const emit = (i: number, kind = kinds[i]!): void => pushToken(out, kind, starts[i]!, ends[i]!);
  const synth = (kind: string, at: number): void => pushToken(out, kind, at, at);

  /** `… : NEWLINE INDENT body DEDENT` starting at the ':' → index just past the DEDENT, or -1. */
  function suiteEnd(colon: number): number {
    if (kinds[colon] !== ':' || kinds[colon + 1] !== 'NEWLINE' || kinds[colon + 2] !== 'INDENT') return -1;
    const dedent = blocks[colon + 2]!;
    return dedent < 0 ? -1 : dedent + 1;
  }

  /** The first ':' at bracket depth 0 from i (the end of a compound statement's header), or -1. */
  function headerColon(i: number, to: number): number {
    for (let j = i; j < to; j++) {
      const k = kinds[j]!;
      if (k === ':') return j;
      if (k === 'NEWLINE') return -1;
      if (C_OPEN.has(k) && brackets[j]! > j) j = brackets[j]!;
    }
    return -1;
  }

  function emitRange(from: number, to: number): void {
    let i = from;
    while (i < to) i = emitAt(i, to);
  }

  function emitAt(i: number, to: number): number {
    const kind = kinds[i]!;
    if (kind === 'for') {
      const rewritten = rangeLoop(i, to);
      if (rewritten > 0) return rewritten;
      emit(i, LOOP);
      return i + 1;
    }
    if (kind === 'while') {
      emit(i, LOOP);
      return i + 1;
    }
    if (kind === 'if') {
      const colon = headerColon(i + 1, to);
      const e1 = colon > 0 ? suiteEnd(colon) : -1;
      if (e1 > 0 && kinds[e1] === 'else' && suiteEnd(e1 + 1) > 0 && suiteEnd(e1 + 1) <= to) {
        const e2 = suiteEnd(e1 + 1);
        emitRange(i, colon + 1);
        // Each suite is `NEWLINE INDENT … DEDENT`; the bodies swap, the 'else' ':' stays between them.
        let first: [number, number] = [colon + 1, e1];
        let second: [number, number] = [e1 + 2, e2];
        if (branchKey(kinds, ...second, PY_LAYOUT) < branchKey(kinds, ...first, PY_LAYOUT)) [first, second] = [second, first];
        emitRange(...first);
        emit(e1);
        emit(e1 + 1);
        emitRange(...second);
        return e2;
      }
    }
    emit(i);
    return i + 1;
  }

  /** `for v in range(a[, b]):` suite → `v = a NEWLINE LOOP v < b : suite-with v += 1`; -1 if not that form. */
  function rangeLoop(i: number, to: number): number {
    if (kinds[i + 1] !== 'ID' || kinds[i + 2] !== 'in' || kinds[i + 3] !== 'ID' || kinds[i + 4] !== '(') return -1;
    if (source.slice(starts[i + 3]!, ends[i + 3]!) !== 'range') return -1;
    const close = brackets[i + 4]!;
    if (close < 0 || kinds[close + 1] !== ':') return -1;
    const end = suiteEnd(close + 1);
    if (end < 0 || end > to) return -1;
    const commas: number[] = [];
    for (let j = i + 5; j < close; j++) {
      if (kinds[j] === ',') commas.push(j);
      else if (C_OPEN.has(kinds[j]!) && brackets[j]! > j) j = brackets[j]!;
    }
    if (commas.length > 1) return -1;
    const at = starts[i]!;
    emit(i + 1);
    synth('=', at);
    if (commas.length === 0) synth('NUM', at);
    else emitRange(i + 5, commas[0]!);
    synth('NEWLINE', at);
    emit(i, LOOP);
    synth('ID', at);
    synth('CMP', at);
    emitRange(commas.length === 0 ? i + 5 : commas[0]! + 1, close);
    emit(close + 1);
    // The suite: NEWLINE INDENT body, then `v += 1 NEWLINE` before its DEDENT.
    emitRange(close + 2, end - 1);
    const dedentAt = starts[end - 1]!;
    synth('ID', dedentAt);
    synth('+=', dedentAt);
    synth('NUM', dedentAt);
    synth('NEWLINE', dedentAt);
    emit(end - 1);
    return end;
  }

  emitRange(0, kinds.length);
  return out;
}
