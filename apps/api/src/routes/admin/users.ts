import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changeRoleBodySchema, errorBodySchema, idParamSchema, okSchema, pageOf, passwordResetIssuedSchema, setActiveBodySchema, userListQuerySchema, userSchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export async function adminUserRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { accounts } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/', { schema: { tags, querystring: userListQuerySchema, response: { 200: pageOf(userSchema), ...errors } } },
    async (request) => accounts.listUsers(request.query));

  r.patch('/:id/role', { schema: { tags, summary: 'Change a user\'s role', params: idParamSchema, body: changeRoleBodySchema, response: { 200: userSchema, ...errors } } },
    async (request) => accounts.changeRole(request.actor!, request.params.id, request.body.role));

  r.post('/:id/sessions/revoke', {
    schema: { tags, summary: 'End every session of a user (refresh tokens, access tokens, sockets)', params: idParamSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await accounts.revokeSessions(request.actor!, request.params.id);
    return { ok: true as const };
  });

  r.post('/:id/password-reset', {
    schema: {
      tags,
      summary: 'Issue a one-time password reset link for a user (the fallback without SMTP): hand it over; it works once, until it expires',
      params: idParamSchema,
      response: { 201: passwordResetIssuedSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await accounts.issuePasswordReset(request.actor!, request.params.id)));

  r.post('/:id/active', {
    schema: {
      tags,
      summary: 'Deactivate (ends every session; no sign-in) or reactivate an account',
      params: idParamSchema,
      body: setActiveBodySchema,
      response: { 200: userSchema, ...errors },
    },
  }, async (request) => accounts.setActive(request.actor!, request.params.id, request.body.active));
}
