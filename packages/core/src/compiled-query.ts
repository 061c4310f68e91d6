import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';

/** Stand-ins for the arguments while the query is compiled: numbers no id, limit or cursor ever takes. */
const SENTINEL_BASE = -7_340_000_001;

/**
 * A query Kysely builds and compiles once, then runs with new numeric arguments: building the operation tree,
 * running the plugins over it and compiling it again for every request was about a sixth of the api's CPU on a
 * student's detail (issue 18, CPU profile), for SQL text that never changes. The query is built with stand-in
 * numbers; each stand-in's place in the compiled parameters is then filled with the caller's value. Results go
 * through the same executor and plugins (camelCase columns, the query log behind /metrics) as any query.
 */
export function compiledOnce<Row, Args extends number[]>(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  build: (...args: Args) => Compilable<Row>,
  arity: Args['length'],
): (...args: Args) => Promise<Row[]> {
  let compiled: { query: CompiledQuery<Row>; slots: (number | null)[] } | null = null;
  const compile = () => {
    const stand = Array.from({ length: arity }, (_, i) => SENTINEL_BASE - i) as Args;
    const query = build(...stand).compile();
    const slots = query.parameters.map((p) => (typeof p === 'number' && p <= SENTINEL_BASE && p > SENTINEL_BASE - arity ? SENTINEL_BASE - p : null));
    // Every argument must reach the SQL as a parameter (not folded into the text), or the query would be wrong.
    for (let i = 0; i < arity; i += 1) {
      if (!slots.includes(i)) throw new Error(`compiledOnce: argument ${i} is not a parameter of ${query.sql}`);
    }
    return { query, slots };
  };
  return async (...args: Args) => {
    compiled ??= compile();
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => (slots[i] === null ? p : args[slots[i]!]));
    const result = await db.executeQuery<Row>({ ...query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
