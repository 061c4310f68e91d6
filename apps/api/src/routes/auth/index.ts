import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AppError, changePasswordBodySchema, errorBodySchema, forgotPasswordBodySchema, forgotPasswordResponseSchema, loginBodySchema, meQuerySchema, meResponseSchema,
  okSchema, refreshBodySchema, resetPasswordBodySchema, resetTokenQuerySchema, resetTokenStatusSchema, sessionResponseSchema, signedOutMeResponseSchema, signupBodySchema,
} from '@logicode/contracts';
import { accessTokenOf, REFRESH_COOKIE } from '../../plugins/auth.js';
import type { RouteDeps } from '../route-deps.js';

/** Route config for the routes that start or end a session: a bad or expired access token beside them is ignored. */
const sessionRoute = { ignoreBadAccessToken: true };
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema };

export async function authRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { accounts } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/signup', {
    config: sessionRoute,
    schema: { tags: ['auth'], summary: 'Create a student account', body: signupBodySchema, response: { 201: sessionResponseSchema, ...errors } },
  }, async (request, reply) => {
    const session = await accounts.signup(request.body, request.ip);
    app.setSessionCookies(reply, session);
    return reply.status(201).send(session);
  });

  r.post('/login', {
    config: sessionRoute,
    schema: { tags: ['auth'], summary: 'Sign in', body: loginBodySchema, response: { 200: sessionResponseSchema, ...errors } },
  }, async (request, reply) => {
    const session = await accounts.login(request.body, request.ip);
    app.setSessionCookies(reply, session);
    return session;
  });

  r.post('/refresh', {
    config: sessionRoute,
    schema: { tags: ['auth'], summary: 'Rotate the refresh token', body: refreshBodySchema, response: { 200: sessionResponseSchema, ...errors } },
  }, async (request, reply) => {
    const token = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', 'No session to refresh; sign in.');
    try {
      const session = await accounts.refresh(token);
      app.setSessionCookies(reply, session);
      return session;
    } catch (error) {
      app.clearSessionCookies(reply);
      throw error;
    }
  });

  r.post('/logout', {
    config: sessionRoute,
    schema: {
      tags: ['auth'],
      summary: 'Sign out: revokes this session\'s refresh tokens, ends its sockets, refuses access tokens issued so far',
      body: refreshBodySchema,
      response: { 200: okSchema },
    },
  }, async (request, reply) => {
    await accounts.logout({ refreshToken: request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE], access: request.authSession });
    app.clearSessionCookies(reply);
    return { ok: true as const };
  });

  r.get('/me', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, and when the access token expires (?optional=1: no token at all is 200 with user null)',
      querystring: meQuerySchema,
      response: { 200: meResponseSchema.or(signedOutMeResponseSchema), 401: errorBodySchema },
    },
  }, async (request) => {
    if (!request.actor) {
      // Only a request that carries no token may be answered as signed out; any token that did not authenticate
      // (expired, forged, revoked) stays a 401 the client can cure with a refresh.
      if (request.query.optional === '1' && accessTokenOf(request) === null) return { user: null, accessTokenExpiresAt: null };
      throw new AppError('UNAUTHENTICATED');
    }
    return {
      user: await accounts.getUser(request.actor.userId),
      accessTokenExpiresAt: new Date(request.authSession!.expiresAtMs).toISOString(),
    };
  });

  r.post('/password', {
    onRequest: app.requireAuth,
    schema: {
      tags: ['auth'],
      summary: 'Change your own password: every other session ends; this one goes on with the fresh tokens answered',
      body: changePasswordBodySchema,
      response: { 200: sessionResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    const session = await accounts.changePassword(request.authSession!, request.body, request.ip);
    app.setSessionCookies(reply, session);
    return session;
  });

  r.post('/password/forgot', {
    config: sessionRoute,
    schema: {
      tags: ['auth'],
      summary: 'Forgotten password: e-mails a one-time link when SMTP is configured; the same answer whether or not the account exists',
      body: forgotPasswordBodySchema,
      response: { 202: forgotPasswordResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    await accounts.requestPasswordReset(request.body.email, request.ip);
    return reply.status(202).send({ ok: true as const, byEmail: accounts.passwordResetByMail });
  });

  r.get('/password/reset', {
    config: sessionRoute,
    schema: { tags: ['auth'], summary: 'Whether a reset link still works', querystring: resetTokenQuerySchema, response: { 200: resetTokenStatusSchema, ...errors } },
  }, async (request) => ({ valid: await accounts.checkResetToken(request.query.token) }));

  r.post('/password/reset', {
    config: sessionRoute,
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with a one-time reset token: every session of the user ends; sign in with the new password',
      body: resetPasswordBodySchema,
      response: { 200: okSchema, ...errors },
    },
  }, async (request, reply) => {
    await accounts.resetPassword(request.body);
    app.clearSessionCookies(reply);
    return { ok: true as const };
  });
}
