import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changeRoleBodySchema, errorBodySchema, idParamSchema, okSchema, pageOf, userListQuerySchema, userSchema } from '@logicode/contracts';
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
}
