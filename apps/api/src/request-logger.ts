import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger whose pino child is made when the request first writes a line at an enabled level. A class,
 * so a request costs one small object (no closures per request).
 */
class LazyChildLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(private readonly parent: FastifyBaseLogger, private readonly bindings: Bindings, private readonly options: ChildLoggerOptions) {}

  private real(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.bindings, this.options));
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.made) {
      const check = (this.parent as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled;
      if (typeof check === 'function' && !check.call(this.parent, level)) return;
    }
    (this.real()[level] as (...a: unknown[]) => void)(...args);
  }

  get level(): string {
    return (this.made ?? this.parent).level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }

  silent(): void {}
  fatal(...args: unknown[]): void { this.write('fatal', args); }
  error(...args: unknown[]): void { this.write('error', args); }
  warn(...args: unknown[]): void { this.write('warn', args); }
  info(...args: unknown[]): void { this.write('info', args); }
  debug(...args: unknown[]): void { this.write('debug', args); }
  trace(...args: unknown[]): void { this.write('trace', args); }
}

/**
 * Fastify's childLoggerFactory: each request's logger (its `reqId` binding) is made when the request first writes
 * a line at an enabled level, not for every request. pino's child() serialises the bindings and sets up every
 * level's function; at LOG_LEVEL=warn most requests write nothing, and that was 2% of a cached read's CPU (issue 18,
 * CPU profile of bench/http --part hot). The lines written are the same: the same child, with the same bindings.
 * A route with its own level or serializers gets its child at once (its levels differ from the parent's).
 */
export function lazyChildLogger(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  if (options.level !== undefined || options.serializers !== undefined) return parent.child(bindings, options);
  return new LazyChildLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}
