import type { PlagiarismPair, PlagiarismParams } from '@logicode/contracts';
import { compare, type CompareOptions } from './compare.js';
import type { Prepared } from './prepare.js';

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

  constructor(private readonly params: PlagiarismParams) {
    this.compareOptions = { k: params.k, minFragmentTokens: params.minFragmentTokens, isCommon: this.isCommon };
  }

  get size(): number {
    return this.subs.size;
  }

  has(id: number): boolean {
    return this.subs.has(id);
  }

  add(sub: Prepared): void {
    this.subs.set(sub.id, sub);
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

  /** Reported pairs between `sub` (already added) and the submissions accepted by `include`. */
  pairsOf(sub: Prepared, include: (other: Prepared) => boolean): PlagiarismPair[] {
    const seen = new Set<Prepared>();
    const out: PlagiarismPair[] = [];
    for (const hash of sub.fingerprints.keys()) {
      if (this.isCommon(hash)) continue;
      for (const other of this.postings.get(hash) ?? []) {
        if (other.userId === sub.userId || seen.has(other) || !include(other)) continue;
        seen.add(other);
        const pair = compare(sub, other, this.compareOptions);
        if (pair && pair.similarity >= this.params.threshold) out.push(pair);
      }
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
