import { createHash } from 'node:crypto';
import { pageOf, problemDetailSchema, problemSummarySchema, type ProblemCatalogDetail, type ProblemSummary } from '@logicode/contracts';

/**
 * Catalog pages as response bytes. A cached page is parsed, checked against its response schema and serialised
 * once per cache entry (keyed by the identity of the cache's stored text, so an invalidation or a refill builds
 * a new one); a request then only fills in the caller's own `solved` flags. This replaces a JSON.parse, a zod
 * parse and a JSON.stringify of the whole page per request (a third of the api's CPU on a cached read).
 */
export interface JsonBody {
  /**
   * The serialised response, exactly what the route's response schema would have produced. Bytes when it is shared
   * by every caller (sent as is: no length count or UTF-8 encoding per request), text when built for one caller.
   */
  body: string | Buffer;
  /** A strong validator of `body` (quoted, for the ETag header). */
  etag: string;
}

const listSchema = pageOf(problemSummarySchema);
/** Stands in for each item's `solved` value while the page is serialised; split out afterwards. */
const SOLVED_MARK = '\u0000solved\u0000';
const SOLVED_MARK_JSON = JSON.stringify(SOLVED_MARK);
/** Built entries kept per process (the cache bounds what is live; this bounds what a long tail leaves behind). */
const MAX_ENTRIES = 2000;

function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url')}"`;
}

interface ListEntry {
  raw: string;
  ids: number[];
  /** The page split around each item's `solved` value: ids.length + 1 parts. */
  parts: string[];
  anonymous: JsonBody;
}

interface DetailEntry {
  raw: string;
  isPublished: boolean;
  /** By `${solved}:${proctored}` (at most six). */
  variants: Map<string, JsonBody>;
}

/** Remembers what was built from one stored text per cache key; a different text (a refill) rebuilds. */
function memo<E extends { raw: string }>(build: (raw: string) => E) {
  const entries = new Map<string, E>();
  return (key: string, raw: string): E => {
    const known = entries.get(key);
    // Same string object while the entry lives in the cache's memory tier: a pointer comparison. An equal text
    // refilled from Redis compares in full once, then its object is adopted.
    if (known && known.raw === raw) {
      known.raw = raw;
      return known;
    }
    const built = build(raw);
    if (entries.size >= MAX_ENTRIES && !known) entries.delete(entries.keys().next().value as string);
    entries.set(key, built);
    return built;
  };
}

function buildList(raw: string): ListEntry {
  const stored = JSON.parse(raw) as { items: ProblemSummary[] };
  // Checked (and stripped to the contract) once, as the response serializer would on every request.
  const page = listSchema.parse({ ...stored, items: stored.items.map((item) => ({ ...item, solved: null })) });
  const marked = JSON.stringify({ ...page, items: page.items.map((item) => ({ ...item, solved: SOLVED_MARK })) });
  // The quoted mark can only be a whole JSON value (quotes inside strings are escaped); a text that holds it
  // as a value elsewhere would split wrongly, so the count is checked.
  const parts = marked.split(SOLVED_MARK_JSON);
  if (parts.length !== page.items.length + 1) throw new Error('A catalog page holds the solved placeholder as a value');
  const body = parts.join('null');
  return { raw, ids: page.items.map((item) => item.id), parts, anonymous: { body: Buffer.from(body), etag: etagOf(body) } };
}

export function createProblemJson() {
  const lists = memo(buildList);
  const details = memo((raw): DetailEntry => {
    const detail = JSON.parse(raw) as ProblemCatalogDetail;
    return { raw, isPublished: detail.isPublished, variants: new Map() };
  });

  return {
    /** The page for an anonymous caller (`solved` null), or with the caller's flags when `solved` is given. */
    list(key: string, raw: string, solved: Set<number> | null): JsonBody {
      const entry = lists(key, raw);
      if (!solved) return entry.anonymous;
      const { parts, ids } = entry;
      let body = parts[0]!;
      let flags = '';
      for (let i = 0; i < ids.length; i += 1) {
        const has = solved.has(ids[i]!);
        body += (has ? 'true' : 'false') + parts[i + 1]!;
        flags += has ? '1' : '0';
      }
      // The shared page's validator plus the caller's flags: no hash of the whole body per request.
      return { body, etag: ids.length === 0 ? entry.anonymous.etag : `${entry.anonymous.etag.slice(0, -1)}.${flags}"` };
    },

    /** The problem ids on the page, in order. */
    listIds(key: string, raw: string): number[] {
      return lists(key, raw).ids;
    },

    /** Whether the stored detail is published (who may see it is decided before any bytes are built). */
    detailIsPublished(key: string, raw: string): boolean {
      return details(key, raw).isPublished;
    },

    detail(key: string, raw: string, solved: boolean | null, proctored: boolean): JsonBody {
      const entry = details(key, raw);
      const variant = `${solved}:${proctored}`;
      let built = entry.variants.get(variant);
      if (!built) {
        const body = JSON.stringify(problemDetailSchema.parse({ ...(JSON.parse(raw) as ProblemCatalogDetail), solved, proctored }));
        built = { body: Buffer.from(body), etag: etagOf(body) };
        entry.variants.set(variant, built);
      }
      return built;
    },
  };
}

export type ProblemJson = ReturnType<typeof createProblemJson>;
