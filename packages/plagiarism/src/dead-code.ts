import { BOOL, CHR, ID, NUM, STR, emptyTokens, pushToken, type TokenList } from './tokens.js';

/**
 * Dead stores, a disguise students use (issue 16: "dead code" among the six kinds): a variable that is set once
 * to a side-effect-free value and never read (`int unused = 5 * 2;`, `tmp = n + 1`) is removed from the token
 * stream, so the statement a copier slipped between two copied lines no longer breaks the matched run in two.
 * JPlag's `--normalize` removes dead code for the same reason. What counts as dead, conservatively:
 * - it is inside a block (a function body, a class): a top-level `x = 1` may be a script's output or a snippet;
 * - it starts a statement (after `;`, a brace, a Python line start, or at a JavaScript declaration);
 * - it is `[type | declaration keyword] name = value` followed by `;` (C, C++, Java), a line end (Python) or
 *   the next statement (JavaScript, whose `;` the lexer drops);
 * - the value is operands (names, numbers, strings, booleans, null) joined by binary operators, with no call,
 *   bracket or assignment, so removing it cannot change what the program does;
 * - the name occurs nowhere else in the file (the lexed identifiers, compared by their text).
 * Runs on the lexed tokens, before restructuring, while `;` and braces still mark statements.
 */
const OPERANDS = new Set([ID, NUM, STR, BOOL, CHR, 'NULL']);
const BINARY = new Set(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '&&', '||', 'and', 'or', '**', '//']);
const STATEMENT_BOUNDARY = new Set([';', '{', '}', 'NEWLINE', 'INDENT', 'DEDENT']);
const DECLARATION = new Set(['T', 'DECL']);
/** JavaScript: a token that continues an expression, so the store before it is not a statement of its own. */
const CONTINUES = new Set(['(', '[', '.', '=', '?', ':', '?.']);

export function dropDeadStores(list: TokenList, source: string, language: 'python' | 'c-family', semicolons: boolean): TokenList {
  const { kinds, starts, ends } = list;

  /** [start, end, name index] of each store that would be dead if its name is used once. */
  const stores: number[] = [];
  let depth = 0;
  // JavaScript (the lexer drops its `;`): a store is recognised at a declaration keyword only.
  const jsDeclaration = !semicolons && language === 'c-family';
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!;
    if (kind === '{' || kind === 'INDENT') depth++;
    else if (kind === '}' || kind === 'DEDENT') depth--;
    if (depth <= 0) continue;
    if (jsDeclaration ? kind !== 'DECL' : !STATEMENT_BOUNDARY.has(kinds[i - 1]!)) continue;
    const store = storeAt(i);
    if (store) stores.push(i, store[0], store[1]);
  }
  if (stores.length === 0) return list;

  const candidates = new Map<string, number>();
  // Names are only sliced out of the source when their length is a candidate's (a string per identifier was
  // most of this pass's time).
  const lengths = new Set<number>();
  for (let s = 0; s < stores.length; s += 3) {
    candidates.set(nameAt(stores[s + 2]!), 0);
    lengths.add(ends[stores[s + 2]!]! - starts[stores[s + 2]!]!);
  }
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== ID || !lengths.has(ends[i]! - starts[i]!)) continue;
    const name = nameAt(i);
    const n = candidates.get(name);
    if (n !== undefined) candidates.set(name, n + 1);
  }
  const drop = new Uint8Array(kinds.length);
  let dropped = 0;
  for (let s = 0; s < stores.length; s += 3) {
    if (candidates.get(nameAt(stores[s + 2]!)) !== 1) continue;
    drop.fill(1, stores[s]!, stores[s + 1]!);
    dropped++;
  }
  if (dropped === 0) return list;
  const out = emptyTokens();
  for (let i = 0; i < kinds.length; i++) if (!drop[i]) pushToken(out, kinds[i]!, starts[i]!, ends[i]!);
  return out;

  function nameAt(i: number): string {
    return source.slice(starts[i]!, ends[i]!);
  }

  /** [end, name index] of the store `[type] name = value` starting at i, or null. */
  function storeAt(i: number): [number, number] | null {
    let at = i;
    const declared = DECLARATION.has(kinds[at]!);
    while (DECLARATION.has(kinds[at]!)) at++;
    // `Type name = …`: a class-typed declaration (Java, C++).
    if (!declared && language === 'c-family' && kinds[at] === ID && kinds[at + 1] === ID) at++;
    if (kinds[at] !== ID || kinds[at + 1] !== '=') return null;
    const name = at;
    at += 2;
    if (kinds[at] === '-') at++;
    if (!OPERANDS.has(kinds[at]!)) return null;
    at++;
    while (BINARY.has(kinds[at]!)) {
      at++;
      if (kinds[at] === '-') at++;
      if (!OPERANDS.has(kinds[at]!)) return null;
      at++;
    }
    if (language === 'python') return kinds[at] === 'NEWLINE' ? [at + 1, name] : null;
    if (semicolons) return kinds[at] === ';' ? [at + 1, name] : null;
    return at >= kinds.length || !CONTINUES.has(kinds[at]!) ? [at, name] : null;
  }
}
