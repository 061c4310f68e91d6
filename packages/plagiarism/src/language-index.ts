import type { PlagiarismParams } from '@logicode/contracts';
import { score, type CompareOptions, type Counting, type ScoredPair } from './compare.js';
import type { PairSink } from './top-pairs.js';
import type { Prepared } from './prepare.js';

/**
 * A pair is compared when the share of fingerprints the two have in common (Dice, over the fingerprints that
 * can be seeds: common ones left out of the count *and* of the sizes, as the scorer leaves them out) is at least
 * this times the threshold, or when they share enough fingerprints to hold a fragment at the partial-copy flag
 * level (fragmentPrints). Fingerprints sample the tokens, so their Dice tracks the token similarity; 0.3 leaves
 * a factor of two of headroom (issue 16: the old filter divided by *all* fingerprints and skipped copies the
 * scorer rated 1.0).
 */
export const CANDIDATE_FACTOR = 0.3;

/** The least number of fingerprints a shared run of `tokens` tokens holds (winnowing's guarantee). */
export function fragmentPrints(tokens: number, k: number, window: number): number {
  return Math.max(1, Math.floor((tokens - k + 1) / window));
}

/** A candidate common fingerprint is common only while it is less than this share of a typical holder's file. */
const COMMON_MAX_SHARE = 0.5;

/**
 * The submissions of one language: an inverted index from fingerprint to submissions, and per fingerprint the
 * number of distinct users holding it (for the common-code filter). Adding a submission costs its own
 * fingerprints plus one comparison per earlier submission that shares a fingerprint with it.
 */
export class LanguageIndex {
  private readonly subs = new Map<number, Prepared>();
  private readonly postings = new Map<number, Prepared[]>();
  /** userId → fingerprint → how many of that user's submissions hold it. */
  private readonly userPrints = new Map<number, Map<number, number>>();
  private readonly usersPerPrint = new Map<number, number>();
  private readonly subsPerUser = new Map<number, number>();

  private readonly compareOptions: CompareOptions;
  /** Submissions by slot (a dense number, reused after remove) for counting shared fingerprints. */
  private readonly slots: (Prepared | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private counts = new Int32Array(64);
  /** Common fingerprints as of the last refresh, and the changes (adds, removes) since. */
  private common = new Set<number>();
  private uncommonPrints = new Map<Prepared, number>();
  /** Submissions holding common fingerprints: their tokens in common k-grams do not count (compare.ts). */
  private commonCounting = new Map<Prepared, Counting>();
  private changes = 0;

  constructor(private readonly params: PlagiarismParams) {
    this.compareOptions = { ...params, isCommon: this.isCommon, countingOf: (sub) => this.commonCounting.get(sub) ?? sub };
  }

  get size(): number {
    return this.subs.size;
  }

  has(id: number): boolean {
    return this.subs.has(id);
  }

  add(sub: Prepared): void {
    this.changes++;
    this.subs.set(sub.id, sub);
    sub.slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[sub.slot] = sub;
    this.subsPerUser.set(sub.userId, (this.subsPerUser.get(sub.userId) ?? 0) + 1);
    const mine = this.userPrints.get(sub.userId) ?? new Map<number, number>();
    this.userPrints.set(sub.userId, mine);
    for (const hash of sub.fingerprints.keys()) {
      const list = this.postings.get(hash);
      if (list) list.push(sub);
      else this.postings.set(hash, [sub]);
      const held = mine.get(hash) ?? 0;
      mine.set(hash, held + 1);
      if (held === 0) this.usersPerPrint.set(hash, (this.usersPerPrint.get(hash) ?? 0) + 1);
    }
  }

  remove(id: number): boolean {
    const sub = this.subs.get(id);
    if (!sub) return false;
    this.changes++;
    this.uncommonPrints.delete(sub);
    this.commonCounting.delete(sub);
    this.subs.delete(id);
    this.slots[sub.slot] = undefined;
    this.freeSlots.push(sub.slot);
    const left = (this.subsPerUser.get(sub.userId) ?? 1) - 1;
    if (left === 0) this.subsPerUser.delete(sub.userId);
    else this.subsPerUser.set(sub.userId, left);
    const mine = this.userPrints.get(sub.userId)!;
    for (const hash of sub.fingerprints.keys()) {
      const list = this.postings.get(hash)!.filter((s) => s !== sub);
      if (list.length === 0) this.postings.delete(hash);
      else this.postings.set(hash, list);
      const held = mine.get(hash)! - 1;
      if (held > 0) mine.set(hash, held);
      else {
        mine.delete(hash);
        const users = this.usersPerPrint.get(hash)! - 1;
        if (users === 0) this.usersPerPrint.delete(hash);
        else this.usersPerPrint.set(hash, users);
      }
    }
    if (mine.size === 0) this.userPrints.delete(sub.userId);
    return true;
  }

  readonly isCommon = (hash: number): boolean => this.common.has(hash);

  /**
   * Common code, the rule of issue 16: a fingerprint held by at least commonMinUsers users and by more than
   * commonFraction of them is a *candidate*; it is common only if, for the median submission holding it, the
   * candidates are less than half of that submission's fingerprints. Boilerplate everyone pastes around their own
   * solution passes; a ring that handed one file around does not (the copied file is most of each copier's
   * fingerprints), however large a share of the class it is. The teacher's starter code is excluded before any
   * of this (prepare.ts), and is the primary exclusion.
   */
  private refreshCommon(): void {
    this.changes = 0;
    const users = this.subsPerUser.size;
    const candidates = new Set<number>();
    for (const [hash, n] of this.usersPerPrint) {
      if (n >= this.params.commonMinUsers && n > this.params.commonFraction * users) candidates.add(hash);
    }
    this.common = new Set();
    this.uncommonPrints = new Map();
    this.commonCounting = new Map();
    if (candidates.size === 0) return;
    const share = new Map<Prepared, number>();
    for (const sub of this.subs.values()) {
      let n = 0;
      for (const hash of sub.fingerprints.keys()) if (candidates.has(hash)) n++;
      share.set(sub, sub.fingerprints.size === 0 ? 0 : n / sub.fingerprints.size);
    }
    for (const hash of candidates) {
      const shares = this.postings.get(hash)!.map((holder) => share.get(holder)!).sort((x, y) => x - y);
      if (shares[Math.floor(shares.length / 2)]! < COMMON_MAX_SHARE) this.common.add(hash);
    }
    for (const sub of this.subs.values()) {
      let n = 0;
      let ignored: Uint8Array | null = null;
      for (const [hash, positions] of sub.fingerprints) {
        if (!this.common.has(hash)) {
          n++;
          continue;
        }
        ignored ??= sub.ignored.slice();
        for (const pos of positions) ignored.fill(1, pos, pos + this.params.k);
      }
      this.uncommonPrints.set(sub, n);
      if (ignored) {
        let countedTokens = 0;
        for (let i = 0; i < ignored.length; i++) countedTokens += 1 - ignored[i]!;
        this.commonCounting.set(sub, { ignored, countedTokens });
      }
    }
  }

  /** Refreshes the common set once the index changed by a tenth since (add() uses it as it stands). */
  private maybeRefreshCommon(force: boolean): void {
    if (this.changes > 0 && (force || this.changes > Math.max(8, this.subs.size / 10))) this.refreshCommon();
  }

  /**
   * Reported pairs between `sub` (already added) and the submissions accepted by `include`. Candidates are the
   * submissions sharing non-common fingerprints with it; only those sharing enough of them (fingerprint Dice at
   * least CANDIDATE_FACTOR × threshold) are compared token by token.
   */
  pairsOf<S extends PairSink = ScoredPair[]>(sub: Prepared, include: (other: Prepared) => boolean, refresh = true, out: S = [] as unknown as S): S {
    if (refresh) this.maybeRefreshCommon(false);
    // Counting in a typed array by slot, not a Map: this loop runs once per posting and dominates add().
    if (this.counts.length < this.slots.length) this.counts = new Int32Array(this.slots.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    let mine = 0;
    for (const hash of sub.fingerprints.keys()) {
      if (this.isCommon(hash)) continue;
      mine++;
      for (const other of this.postings.get(hash) ?? []) {
        if (other.userId === sub.userId) continue;
        if (counts[other.slot] === 0) touched.push(other.slot);
        counts[other.slot]! += 1;
      }
    }
    const factor = CANDIDATE_FACTOR * this.params.threshold;
    const enough = fragmentPrints(this.params.flagFragmentTokens, this.params.k, this.params.window);
    for (const slot of touched) {
      const count = counts[slot]!;
      counts[slot] = 0;
      const other = this.slots[slot]!;
      const theirs = this.uncommonPrints.get(other) ?? other.fingerprints.size;
      if (((2 * count) / (mine + theirs) < factor && count < enough) || !include(other)) continue;
      const pair = score(sub, other, this.compareOptions);
      if (pair) out.push(pair);
    }
    return out;
  }

  /** Every reported pair, each once (the later-added side finds the earlier). `onCompared(n)` after each submission. */
  allPairs<S extends PairSink>(out: S, onCompared?: (done: number) => void): S {
    this.maybeRefreshCommon(true);
    const order = new Map<Prepared, number>();
    for (const sub of this.subs.values()) order.set(sub, order.size);
    for (const [sub, rank] of order) {
      this.pairsOf(sub, (other) => order.get(other)! < rank, false, out);
      onCompared?.(rank + 1);
    }
    return out;
  }
}
