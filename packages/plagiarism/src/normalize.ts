import { CHR, ID, NUM, emptyTokens, pushToken, type TokenList } from './tokens.js';

/**
 * Kinds that a rewrite swaps for one another without changing the program (issue 16):
 * - a char literal and its code (`'('` and `0x28`) are both NUM;
 * - the order comparisons are one kind, CMP, and equality tests one kind, EQ: `a < b` with its branches swapped
 *   is `a >= b` (restructure.ts puts the branches in a canonical order);
 * - logical negation (`!`, Python's `not`) is dropped, for the same reason.
 */
const SAME_KIND = new Map<string, string>([
  [CHR, NUM],
  ['<', 'CMP'], ['>', 'CMP'], ['<=', 'CMP'], ['>=', 'CMP'],
  ['==', 'EQ'], ['!=', 'EQ'], ['===', 'EQ'], ['!==', 'EQ'],
]);
const DROPPED = new Set(['!', 'not']);

/** Python: the same kinds merged and negation dropped (layout tokens stay). */
export function normalizePython(list: TokenList): TokenList {
  const out = emptyTokens();
  for (let i = 0; i < list.kinds.length; i++) {
    const kind = list.kinds[i]!;
    if (DROPPED.has(kind)) continue;
    pushToken(out, SAME_KIND.get(kind) ?? kind, list.starts[i]!, list.ends[i]!);
  }
  return out;
}

/**
 * Rewrites that undo common disguises after lexing (brace languages):
 * - `unsigned long long` → one T (the lexer maps each primitive type word to T);
 * - `std::sort` → `sort` (qualifying names or `using namespace` is a style choice);
 * - `i++` → `++i` (postfix and prefix increments as statements mean the same);
 * - braces vanish: `if (x) y();` and `if (x) { y(); }` are one program, and blocks still show in the keywords
 *   and semicolons around them (on test/corpus this lifted recall at 0.5 from 13 to 16 of 20 copy pairs, with
 *   no new false pair).
 */
export function normalizeCFamily(list: TokenList): TokenList {
  const out = emptyTokens();
  const { kinds, starts, ends } = list;
  for (let i = 0; i < kinds.length; i++) {
    const kind = SAME_KIND.get(kinds[i]!) ?? kinds[i]!;
    if (DROPPED.has(kind)) continue;
    const prev = out.kinds[out.kinds.length - 1];
    if (kind === '{' || kind === '}') continue;
    if (kind === 'T' && prev === 'T') {
      out.ends[out.ends.length - 1] = ends[i]!;
      continue;
    }
    if (kind === ID && kinds[i + 1] === '::') {
      i++;
      continue;
    }
    if (kind === ID && (kinds[i + 1] === '++' || kinds[i + 1] === '--') && prev !== '.' && prev !== '->') {
      // Keep each position where it was (regions stay in source order); only the kinds swap.
      pushToken(out, kinds[i + 1]!, starts[i]!, ends[i]!);
      pushToken(out, ID, starts[i + 1]!, ends[i + 1]!);
      i++;
      continue;
    }
    pushToken(out, kind, starts[i]!, ends[i]!);
  }
  return out;
}
