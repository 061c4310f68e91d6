/** Character-level helpers shared by the lexers. All take the source and an offset and return an end offset. */

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Spaces, tabs, form feeds, carriage returns and (unless the caller handles them) newlines. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 10;
}

export function scanIdent(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && isIdentPart(src.charCodeAt(j))) j++;
  return j;
}

/**
 * A number: 42, 0x1F, 1e-9, 3.14f, 10L, 1_000 (Java/JS/Python), 1'000 (C++14), .5, 0b101, 1n (JS).
 * `quoteSeparators` allows C++'s digit separator only between alphanumerics, so a char literal right
 * after a number is not eaten.
 */
export function scanNumber(src: string, i: number, quoteSeparators: boolean): number {
  let j = i;
  const isHex = src.charCodeAt(i) === 48 && (src[i + 1] === 'x' || src[i + 1] === 'X');
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (isIdentPart(c) && c !== 36) j++;
    else if (c === 46 /* . */ && src.charCodeAt(j + 1) !== 46) j++;
    else if ((c === 43 || c === 45) && !isHex && /[eEpP]/.test(src[j - 1] ?? '')) j++;
    else if (quoteSeparators && c === 39 && isIdentPart(src.charCodeAt(j + 1)) && isIdentPart(src.charCodeAt(j - 1))) j++;
    else break;
  }
  return j;
}

/**
 * A quoted literal starting at `i` (the opening quote). A backslash escapes the next character; an unclosed
 * literal ends at the newline when `stopAtNewline` (C, Java, JS, Python single-quoted) or at the end.
 */
export function scanQuoted(src: string, i: number, quote: string, stopAtNewline: boolean): number {
  let j = i + 1;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') j += 2;
    else if (c === quote) return j + 1;
    else if (c === '\n' && stopAtNewline) return j;
    else j++;
  }
  return src.length;
}

/** A literal closed by a multi-character delimiter (Python '''…''', Java """…"""), backslash escapes honoured. */
export function scanUntil(src: string, i: number, close: string, escapes: boolean): number {
  let j = i;
  while (j < src.length) {
    if (escapes && src[j] === '\\') {
      j += 2;
      continue;
    }
    if (src.startsWith(close, j)) return j + close.length;
    j++;
  }
  return src.length;
}

/** Multi-character operators by first character, longest first. */
export type OperatorTable = Map<string, string[]>;

export function operatorTable(ops: readonly string[]): OperatorTable {
  const table: OperatorTable = new Map();
  for (const op of [...ops].sort((a, b) => b.length - a.length)) {
    const list = table.get(op[0]!) ?? [];
    list.push(op);
    table.set(op[0]!, list);
  }
  return table;
}

/** The longest operator from the table at `i`, or the single character there. */
export function scanOperator(src: string, i: number, table: OperatorTable): number {
  const candidates = table.get(src[i]!);
  if (candidates) {
    for (const op of candidates) {
      if (src.startsWith(op, i)) return i + op.length;
    }
  }
  return i + 1;
}
