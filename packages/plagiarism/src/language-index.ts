import type { PlagiarismPair, PlagiarismParams } from '@logicode/contracts';
import { compare, type CompareOptions } from './compare.js';
import type { Prepared } from './prepare.js';

/**
 * A pair is compared only when the share of fingerprints the two have in common (Dice) is at least this times
 * the threshold. Fingerprints sample the tokens, so their Dice tracks the token similarity: on the benchmark's
 * 1,000 generated files every pair with similarity ≥ 0.4 had fingerprint Dice ≥ 0.6 × its similarity, so 0.3
 * leaves a factor of two of headroom while skipping most pairs that share only an idiom or two.
 */
export const CANDIDATE_FACTOR = 0.3;

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

  constructor(private readonly params: PlagiarismParams) {
    this.compareOptions = { ...params, isCommon: this.isCommon };
  }

  get size(): number {
    return this.subs.size;
  }

  has(id: number): boolean {
    return this.subs.has(id);
  }

  add(sub: Prepared): void {
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

  /** Shared by more than commonFraction of the users, and by at least commonMinUsers of them. */
  readonly isCommon = (hash: number): boolean => {
    const users = this.usersPerPrint.get(hash) ?? 0;
    return users >= this.params.commonMinUsers && users > this.params.commonFraction * this.subsPerUser.size;
  };

  /**
   * Reported pairs between `sub` (already added) and the submissions accepted by `include`. Candidates are the
   * submissions sharing non-common fingerprints with it; only those sharing enough of them (fingerprint Dice at
   * least CANDIDATE_FACTOR × threshold) are compared token by token.
   */
  pairsOf(sub: Prepared, include: (other: Prepared) => boolean): PlagiarismPair[] {
    // Counting in a typed array by slot, not a Map: this loop runs once per posting and dominates add().
    if (this.counts.length < this.slots.length) this.counts = new Int32Array(this.slots.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const hash of sub.fingerprints.keys()) {
      if (this.isCommon(hash)) continue;
      for (const other of this.postings.get(hash) ?? []) {
        if (other.userId === sub.userId) continue;
        if (counts[other.slot] === 0) touched.push(other.slot);
        counts[other.slot]! += 1;
      }
    }
    const out: PlagiarismPair[] = [];
    const factor = CANDIDATE_FACTOR * this.params.threshold;
    for (const slot of touched) {
      const count = counts[slot]!;
      counts[slot] = 0;
      const other = this.slots[slot]!;
      if ((2 * count) / (sub.fingerprints.size + other.fingerprints.size) < factor || !include(other)) continue;
      const pair = compare(sub, other, this.compareOptions);
      if (pair) out.push(pair);
    }
    return out;
  }

  /** Every reported pair, each once (the later-added side finds the earlier). */
  allPairs(): PlagiarismPair[] {
    const order = new Map<Prepared, number>();
    for (const sub of this.subs.values()) order.set(sub, order.size);
    const out: PlagiarismPair[] = [];
    for (const [sub, rank] of order) out.push(...this.pairsOf(sub, (other) => order.get(other)! < rank));
    return out;
  }
}
