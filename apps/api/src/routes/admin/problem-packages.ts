import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError, errorBodySchema, idParamSchema, okSchema, packageImportReportSchema, packageImportResponseSchema, publishProblemBodySchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema, 422: errorBodySchema, 503: errorBodySchema };

export interface PackageRouteOptions extends RouteDeps {
  /** PACKAGE_UPLOAD_LIMIT_BYTES: this route only; every other route keeps the app's body limit. */
  uploadLimitBytes: number;
}

/**
 * POST /api/admin/problem-packages: an ICPC/Kattis package zip as multipart/form-data (field `package`), streamed
 * to a temporary file (never held in memory), imported unpublished, with its verification report.
 */
export async function adminProblemPackageRoutes(app: FastifyInstance, { runtime, uploadLimitBytes }: PackageRouteOptions): Promise<void> {
  const { packages } = runtime.core;
  // Registered in this plugin only: no other route accepts multipart bodies (they answer 415).
  await app.register(fastifyMultipart, { limits: { fileSize: uploadLimitBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.post('/', {
    schema: { tags, summary: 'Import an ICPC/Kattis problem package (zip, multipart field `package`)', consumes: ['multipart/form-data'], response: { 201: packageImportResponseSchema, ...errors } },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the package as multipart/form-data in the field "package".');
    const work = await mkdtemp(join(tmpdir(), 'logicode-upload-'));
    try {
      const part = await request.file();
      if (!part || part.fieldname !== 'package') throw new AppError('VALIDATION', 'Send the package zip in the multipart field "package".');
      const zipPath = join(work, 'package.zip');
      try {
        await pipeline(part.file, createWriteStream(zipPath));
        // busboy stops at the limit and marks the stream truncated (thrown or not, depending on the version).
        if (part.file.truncated) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', `The package is larger than ${uploadLimitBytes} bytes (PACKAGE_UPLOAD_LIMIT_BYTES).`);
        }
        throw error;
      }
      const result = await packages.importZip(zipPath, part.filename || 'problem.zip', request.actor!);
      return reply.status(201).send(result);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

/** Under /api/admin/problems: the report, the publish action, the export. */
export async function adminProblemPackageActions(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { packages } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/:id/import-report', { schema: { tags, summary: "A package import's verification report", params: idParamSchema, response: { 200: packageImportReportSchema, ...errors } } },
    async (request) => {
      const report = await packages.report(request.params.id);
      if (!report) throw new AppError('NOT_FOUND', 'This problem was not imported from a package.');
      return report;
    });

  r.post('/:id/publish', {
    schema: { tags, summary: 'Publish (an import with a verdict mismatch needs confirmMismatch: true)', params: idParamSchema, body: publishProblemBodySchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await packages.publish(request.params.id, request.body?.confirmMismatch ?? false);
    return { ok: true as const };
  });

  r.get('/:id/package', { schema: { tags, summary: 'The problem as an ICPC/Kattis package zip', params: idParamSchema, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const { slug, stream } = await packages.exportZip(request.params.id);
      void reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${slug}.zip"`);
      return reply.send(stream);
    });
}
