import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Runtime } from '@logicode/core';
import type { ApiConfig } from './config.js';
import { lazyChildLogger } from './request-logger.js';
import { fastifyTrustProxy } from './trust-proxy.js';
import { attachGateway } from './gateway/socket-gateway.js';
import { authPlugin } from './plugins/auth.js';
import { errorHandlerPlugin, toErrorBody } from './plugins/error-handler.js';
import { metricsPlugin } from './plugins/metrics.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { webStaticPlugin } from './plugins/web-static.js';
import { adminRoutes } from './routes/admin/index.js';
import { authRoutes } from './routes/auth/index.js';
import { problemRoutes } from './routes/problems/index.js';
import { leaderboardRoutes } from './routes/leaderboard/index.js';
import { submissionRoutes } from './routes/submissions/index.js';
import { draftRoutes } from './routes/drafts/index.js';
import { proctorRoutes } from './routes/proctor/index.js';
import { teacherRoutes } from './routes/teacher/index.js';
import { plagiarismRoutes } from './routes/plagiarism/index.js';
import { assessmentRoutes } from './routes/assessments/index.js';
import { classRoutes } from './routes/classes/index.js';
import { healthRoutes } from './routes/system/health.js';
import { realtimeDocRoutes } from './routes/system/realtime-doc.js';
import { AppError } from '@logicode/contracts';

export interface BuildAppOptions {
  config: ApiConfig;
  runtime: Runtime;
  /** Attach Socket.IO (off for pure HTTP tests). */
  gateway?: boolean;
  /** The process's pino logger; `false` for silent tests. Default: a new one at the configured level. */
  logger?: FastifyBaseLogger | false;
}

/** Builds the api without listening, so tests drive it with inject(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, runtime } = options;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: options.logger === false ? false : { level: config.logLevel } }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    genReqId: (request) => (request.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    childLoggerFactory: lazyChildLogger,
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  // An empty JSON body (a bodiless POST with a JSON content type, as sendBeacon and many clients send) means
  // "no body", not malformed JSON; anything else goes through Fastify's own safe parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    return parseJson(request, body.toString(), done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // While shutting down, answer in-flight requests with `Connection: close`: a keep-alive connection that goes
  // idle after close() began would otherwise hold the process open for the whole keep-alive time-out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections?.();
  });
  // Callback hooks on every request's path, not async ones: an async hook costs a promise and its resolution per
  // request for two assignments (issue 18, CPU profile of the hot paths).
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { hsts: config.cookieSecure });
  await app.register(metricsPlugin, { runtime, metricsToken: config.metricsToken });
  await app.register(fastifyCookie);
  await app.register(authPlugin, {
    core: runtime.core,
    cookieSecure: config.cookieSecure,
    accessTokenTtlSec: config.core.accessTokenTtlSec,
    refreshTokenTtlSec: config.core.refreshTokenTtlSec,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'LogiCode API',
        version: '0.1.0',
        description: 'Problems, submissions, proctoring. Errors: { statusCode, code, message, details? }. '
          + 'Live results and teacher feeds go over Socket.IO: events, payloads and rooms in [the real-time API](/docs/realtime).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const deps = { runtime };
  await app.register(healthRoutes, deps);
  await app.register(realtimeDocRoutes);
  await app.register(authRoutes, { ...deps, prefix: '/api/auth' });
  await app.register(problemRoutes, { ...deps, prefix: '/api/problems' });
  await app.register(adminRoutes, { ...deps, packageUploadLimitBytes: config.packageUploadLimitBytes, prefix: '/api/admin' });
  await app.register(submissionRoutes, { ...deps, prefix: '/api/submissions' });
  await app.register(draftRoutes, { ...deps, prefix: '/api/drafts' });
  await app.register(leaderboardRoutes, deps);
  await app.register(proctorRoutes, { ...deps, prefix: '/api/proctor' });
  await app.register(teacherRoutes, { ...deps, prefix: '/api/teacher' });
  await app.register(plagiarismRoutes, { ...deps, prefix: '/api/teacher' });
  await app.register(classRoutes, { ...deps, prefix: '/api/classes' });
  await app.register(assessmentRoutes, { ...deps, prefix: '/api/assessments' });
  await app.register(webStaticPlugin, { distDir: config.webDistDir });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/socket.io') && !/\.[a-z0-9]+$/i.test(path);
    if (wantsPage && app.webAppAvailable) {
      void reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    const body = toErrorBody(new AppError('ROUTE_NOT_FOUND', `There is no route ${request.method} ${path}.`));
    return reply.status(404).send(body);
  });

  if (options.gateway !== false) await attachGateway(app, runtime, { publicOrigins: config.publicOrigins });
  return app;
}
