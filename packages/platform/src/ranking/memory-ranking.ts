import type { Clock } from '../clock.js';
import { compareRanked, type Ranked, type RankedEntry, type Ranking } from './ranking.js';

/** One process's ranking: a sorted array and an index by id. An upsert re-sorts (thousands of members: ~1 ms). */
export function createMemoryRanking<T>(options: { clock: Clock; maxAgeMs: number }): Ranking<T> {
  let entries: RankedEntry<T>[] = [];
  let positions = new Map<number, number>();
  let filledAtMs: number | null = null;
  let generation = 0;
  const reindex = () => {
    entries.sort(compareRanked);
    positions = new Map(entries.map((e, i) => [e.id, i]));
  };
  const ranked = (index: number): Ranked<T> => ({ ...entries[index]!, rank: index + 1 });
  return {
    async ready() {
      return filledAtMs !== null && options.clock.now() - filledAtMs < options.maxAgeMs;
    },
    async beginFill() {
      return String(generation);
    },
    async replace(next, token) {
      if (token !== String(generation)) return false;
      entries = [...next];
      reindex();
      filledAtMs = options.clock.now();
      return true;
    },
    async upsert(entry) {
      generation += 1;
      if (filledAtMs === null) return;
      const at = positions.get(entry.id);
      if (at === undefined) entries.push(entry);
      else entries[at] = entry;
      reindex();
    },
    async page(offset, count) {
      const end = Math.min(entries.length, offset + count);
      const page: Ranked<T>[] = [];
      for (let i = offset; i < end; i += 1) page.push(ranked(i));
      return { entries: page, total: entries.length };
    },
    version() {
      // A replace always follows a fill, an upsert bumps the generation: together they cover every change.
      return `${generation}:${filledAtMs}`;
    },
    async get(id) {
      const at = positions.get(id);
      return at === undefined ? null : ranked(at);
    },
    async close() {
      entries = [];
      positions.clear();
    },
  };
}
