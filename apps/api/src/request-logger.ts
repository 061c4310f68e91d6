import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type Level = (typeof LEVELS)[number];

/**
 * Fastify's childLoggerFactory: each request's logger (its `reqId` binding) is made when the request first writes
 * a line at an enabled level, not for every request. pino's child() serialises the bindings and sets up every
 * level's function; at LOG_LEVEL=warn most requests write nothing, and that was 2% of a cached read's CPU (issue 18,
 * CPU profile of bench/http --part hot). The lines written are the same: the same child, with the same bindings.
 * A route with its own level or serializers gets its child at once (its levels differ from the parent's).
 */
export function lazyChildLogger(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  if (options.level !== undefined || options.serializers !== undefined) return parent.child(bindings, options);
  let child: FastifyBaseLogger | undefined;
  const made = (): FastifyBaseLogger => (child ??= parent.child(bindings, options));
  const enabled = (level: Level) => {
    const check = (parent as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled;
    return typeof check === 'function' ? check.call(parent, level) : true;
  };
  const logger = {
    child: (more: Bindings, moreOptions?: ChildLoggerOptions) => made().child(more, moreOptions),
    silent: () => undefined,
    get level() {
      return (child ?? parent).level;
    },
    set level(level: string) {
      made().level = level;
    },
  } as Record<string, unknown>;
  for (const level of LEVELS) {
    logger[level] = (...args: unknown[]) => {
      if (child || enabled(level)) (made()[level] as (...a: unknown[]) => void)(...args);
    };
  }
  return logger as unknown as FastifyBaseLogger;
}
