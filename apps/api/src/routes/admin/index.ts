import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';
import { adminProblemRoutes } from './problems.js';
import { adminUserRoutes } from './users.js';

/** Everything under /api/admin requires the admin role. */
export async function adminRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.addHook('onRequest', app.requireRole('admin'));
  await app.register(adminProblemRoutes, { ...deps, prefix: '/problems' });
  await app.register(adminUserRoutes, { ...deps, prefix: '/users' });
}
