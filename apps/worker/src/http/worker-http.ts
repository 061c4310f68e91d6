// The worker's only HTTP surface: Prometheus /metrics and the orchestrator's probes. node:http rather than
// Fastify: three fixed GET routes, no bodies, nothing a framework would add.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@logicode/contracts';
import type { Metrics } from '@logicode/platform';

export interface ReadinessProbe {
  /** Name reported in the body (`database`, `redis`). */
  name: string;
  check(): Promise<void>;
}

export interface WorkerHttpOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  metrics: Metrics;
  probes: ReadinessProbe[];
  /** A probe that has not answered within this long counts as down. */
  probeTimeoutMs?: number;
}

export interface WorkerHttp {
  port: number;
  close(): Promise<void>;
}

/** Settles with the error message, or null when the check passed; never waits longer than timeoutMs. */
async function outcome(check: () => Promise<void>, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => null), timeout]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The api's one error shape, with the catalog's status and message unless a message is given. */
function errorBody(code: ErrorCode, message?: string, details?: Record<string, unknown>): ErrorBody {
  const { statusCode, message: fallback } = ERROR_CODES[code];
  return { statusCode, code, message: message ?? fallback, ...(details ? { details } : {}) };
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * GET /metrics (text format), /healthz (the process answers), /readyz (every probe answers; 503 naming the ones
 * that do not, in the api's error shape). Anything else is a 404 in the same shape.
 */
export async function startWorkerHttp(options: WorkerHttpOptions): Promise<WorkerHttp> {
  const timeoutMs = options.probeTimeoutMs ?? 2000;
  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, errorBody('METHOD_NOT_ALLOWED'));
    }
    if (path === '/healthz') return send(res, 200, { status: 'ok' });
    if (path === '/metrics') return send(res, 200, await options.metrics.scrape(), options.metrics.contentType);
    if (path === '/readyz') {
      const results = await Promise.all(options.probes.map(async (p) => [p.name, await outcome(() => p.check(), timeoutMs)] as const));
      const status = Object.fromEntries(results.map(([name, error]) => [name, error ? 'down' : 'ok']));
      const down = results.filter(([, error]) => error !== null);
      if (down.length === 0) return send(res, 200, { status: 'ready', ...status });
      const message = `${down.map(([name]) => name).join(' and ')} not reachable.`;
      return send(res, 503, errorBody('UNAVAILABLE', message, { ...status, errors: Object.fromEntries(down) }));
    }
    return send(res, 404, errorBody('ROUTE_NOT_FOUND'));
  }
  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody('INTERNAL'));
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  // Probes and scrapes are short; a scraper's idle keep-alive connection must not hold up shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
