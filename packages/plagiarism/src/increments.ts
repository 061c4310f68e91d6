import { ID, NUM, emptyTokens, pushToken, type TokenList } from './tokens.js';

/** Operators and brackets that continue an expression. */
const CONTINUES = /^[-+*/%<>&|^?.(\[=!:]/;

/**
 * Increment forms (brace languages): `i += 1` and `i = i + 1` are the `i++` a copier rewrote, and `i -= 1`,
 * `i = i - 1` are `i--`. They become `++ i` / `-- i`, the form normalize.ts gives `i++`. Only a literal 1 counts
 * (the lexer has turned numbers into NUM, so the text is read from the source); `x += step` stays as it is.
 * Offsets stay in source order: the operator kind takes the name's place and the name the operator's.
 */
export function normalizeIncrements(list: TokenList, source: string): TokenList {
  const { kinds, starts, ends: tokenEnds } = list;
  const text = (i: number): string => source.slice(starts[i]!, tokenEnds[i]!);
  const isOne = (i: number): boolean => kinds[i] === NUM && tokenEnds[i]! - starts[i]! <= 3 && /^1[lLuU]*$/.test(text(i));

  /** Whether the expression has ended before token i (`i += 1 + x` is no increment). */
  const endsBefore = (i: number): boolean => i >= kinds.length || !CONTINUES.test(kinds[i]!);

  /** Tokens an increment at i spans (3 or 5), or 0. */
  function incrementAt(i: number): number {
    const op = kinds[i + 1];
    if ((op !== '+=' && op !== '-=' && op !== '=') || kinds[i] !== ID) return 0;
    const prev = kinds[i - 1];
    if (prev === '.' || prev === '->' || prev === ID || prev === ')' || prev === ']') return 0;
    if ((op === '+=' || op === '-=') && isOne(i + 2) && endsBefore(i + 3)) return 3;
    if (op !== '=' || kinds[i + 2] !== ID || (kinds[i + 3] !== '+' && kinds[i + 3] !== '-') || !isOne(i + 4) || !endsBefore(i + 5)) return 0;
    return text(i + 2) === text(i) ? 5 : 0;
  }

  let first = -1;
  for (let i = 0; i < kinds.length && first < 0; i++) if (incrementAt(i) > 0) first = i;
  if (first < 0) return list;
  const out = emptyTokens();
  for (let i = 0; i < kinds.length; i++) {
    const span = i < first ? 0 : incrementAt(i);
    if (span > 0) {
      const up = kinds[i + 1] === '+=' || kinds[i + 3] === '+';
      pushToken(out, up ? '++' : '--', starts[i]!, tokenEnds[i]!);
      pushToken(out, ID, starts[i + 1]!, tokenEnds[i + span - 1]!);
      i += span - 1;
      continue;
    }
    pushToken(out, kinds[i]!, starts[i]!, tokenEnds[i]!);
  }
  return out;
}
