import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Serves the built SPA on the same origin. Vite's hashed assets never change, so they are cached for a year;
 * index.html and the service worker must be revalidated on every load so a deploy is picked up.
 * The build writes brotli and gzip copies beside each file (apps/web/scripts/precompress.mjs): the smallest one the
 * browser accepts is sent (`preCompressed`), with the original file's content-type and `Vary: Accept-Encoding` so a
 * shared cache never hands a brotli body to a client that cannot read it. Without the copies, files go out as they are.
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
      preCompressed: true,
      setHeaders(res, path) {
        res.setHeader('vary', 'accept-encoding');
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
