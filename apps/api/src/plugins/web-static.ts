import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Serves the built SPA on the same origin. Vite's hashed assets never change, so they are cached for a year;
 * index.html and the service worker must be revalidated on every load so a deploy is picked up.
 */
export const webStaticPlugin = fp<{ distDir: string }>(
  async (app: FastifyInstance, { distDir }) => {
    if (!existsSync(join(distDir, 'index.html'))) {
      app.log.warn({ distDir }, 'web app not built: only the API is served (npm run build -w @logicode/web)');
      return;
    }
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      etag: true,
      lastModified: true,
      cacheControl: false,
      setHeaders(res, path) {
        if (/[\\/]assets[\\/]/.test(path)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else res.setHeader('cache-control', 'no-cache');
      },
    });
    app.decorate('webAppAvailable', true);
  },
  { name: 'web-static' },
);

declare module 'fastify' {
  interface FastifyInstance {
    webAppAvailable?: boolean;
  }
}
