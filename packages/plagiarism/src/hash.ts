/**
 * 32-bit hashing with Math.imul: exact integer arithmetic modulo 2^32, no doubles or BigInt. A k-gram's hash
 * is a polynomial rolling hash (Karp–Rabin) of its token hashes, then finalised with MurmurHash3's fmix32 so
 * that winnowing's "minimum hash in the window" is a uniform choice.
 */
const tokenHashes = new Map<string, number>();

/** FNV-1a of a token kind, memoised: there are only a few hundred kinds. */
export function tokenHash(kind: string): number {
  let h = tokenHashes.get(kind);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) h = Math.imul(h ^ kind.charCodeAt(i), 0x01000193);
  h >>>= 0;
  tokenHashes.set(kind, h);
  return h;
}

export function fmix32(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BASE = 0x01000193;

/** The hash of every k-gram: result[i] covers tokens i..i+k-1. Empty when there are fewer than k tokens. */
export function kgramHashes(tokens: Uint32Array, k: number): Uint32Array {
  const n = tokens.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  let top = 1; // BASE^(k-1)
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + tokens[i]!) | 0;
  const out = new Uint32Array(n);
  out[0] = fmix32(h);
  for (let i = 1; i < n; i++) {
    h = (Math.imul((h - Math.imul(tokens[i - 1]!, top)) | 0, BASE) + tokens[i + k - 1]!) | 0;
    out[i] = fmix32(h);
  }
  return out;
}
