/**
 * A normalised token stream: each token is a kind ("ID", "NUM", "STR", a keyword or an operator) and the
 * source offsets it came from. Names and literal values are gone (MOSS: "rename all identifiers to one
 * constant"); offsets stay so matches can be shown in the source.
 */
export interface TokenList {
  kinds: string[];
  /** Offset of the token's first character. */
  starts: number[];
  /** Offset just past the token's last character. */
  ends: number[];
}

export function emptyTokens(): TokenList {
  return { kinds: [], starts: [], ends: [] };
}

export function pushToken(out: TokenList, kind: string, start: number, end: number): void {
  out.kinds.push(kind);
  out.starts.push(start);
  out.ends.push(end);
}

export const ID = 'ID';
export const NUM = 'NUM';
export const STR = 'STR';
export const CHR = 'CHR';
export const BOOL = 'BOOL';
export const REGEX = 'REGEX';

