import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';
import { adminProblemPackageActions, adminProblemPackageRoutes } from './problem-packages.js';
import { adminProblemRoutes } from './problems.js';
import { adminUserRoutes } from './users.js';

/** Everything under /api/admin requires the admin role. */
export async function adminRoutes(app: FastifyInstance, deps: RouteDeps & { packageUploadLimitBytes: number }): Promise<void> {
  app.addHook('onRequest', app.requireRole('admin'));
  await app.register(adminProblemRoutes, { ...deps, prefix: '/problems' });
  await app.register(adminProblemPackageActions, { runtime: deps.runtime, prefix: '/problems' });
  await app.register(adminProblemPackageRoutes, { runtime: deps.runtime, uploadLimitBytes: deps.packageUploadLimitBytes, prefix: '/problem-packages' });
  await app.register(adminUserRoutes, { ...deps, prefix: '/users' });
}
