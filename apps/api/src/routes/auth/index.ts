import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError, errorBodySchema, loginBodySchema, okSchema, refreshBodySchema, sessionResponseSchema, signupBodySchema, userSchema,
} from '@logicode/contracts';
import { REFRESH_COOKIE } from '../../plugins/auth.js';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema };

export async function authRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { accounts } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/signup', {
    schema: { tags: ['auth'], summary: 'Create a student account', body: signupBodySchema, response: { 201: sessionResponseSchema, ...errors } },
  }, async (request, reply) => {
    const session = await accounts.signup(request.body);
    app.setSessionCookies(reply, session);
    return reply.status(201).send(session);
  });

  r.post('/login', {
    schema: { tags: ['auth'], summary: 'Sign in', body: loginBodySchema, response: { 200: sessionResponseSchema, ...errors } },
  }, async (request, reply) => {
    const session = await accounts.login(request.body, request.ip);
    app.setSessionCookies(reply, session);
    return session;
  });

  r.post('/refresh', {
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
    schema: { tags: ['auth'], summary: 'Sign out (revokes the refresh token family)', body: refreshBodySchema, response: { 200: okSchema } },
  }, async (request, reply) => {
    await accounts.logout(request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE]);
    app.clearSessionCookies(reply);
    return { ok: true as const };
  });

  r.get('/me', {
    onRequest: app.requireAuth,
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: z.object({ user: userSchema }), 401: errorBodySchema } },
  }, async (request) => ({ user: await accounts.getUser(request.actor!.userId) }));
}
