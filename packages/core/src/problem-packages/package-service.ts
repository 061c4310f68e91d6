import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, type PackageImportReport, type PackageImportResponse } from '@logicode/contracts';
import type { Actor, CoreDeps } from '../context.js';
import type { ProblemsService } from '../problems/problems-service.js';
import type { RemoteWorkerOptions } from '../problems/remote-validator.js';
import { exportPackageZip } from './package-export.js';
import { readPackage } from './package-reader.js';
import { mapPackage, PROBLEM_ID_TOKEN } from './package-to-problem.js';
import { remoteRunner, verifyPackage } from './package-verify.js';
import { DEFAULT_ZIP_LIMITS, extractZip, joinPackageRoot, type ZipLimits } from './zip-extract.js';

const STATEMENT_DIRS = ['problem_statement/', 'statement/'];
const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
};

export interface PackageServiceOptions {
  problems: ProblemsService;
  /** The worker that judges the package's submissions; null: they are listed as not judged. */
  worker: RemoteWorkerOptions | null;
  zipLimits?: ZipLimits;
}

export type PackageService = ReturnType<typeof createPackageService>;

/** ICPC/Kattis problem packages: import (zip or folder) with verification, export, publish, statement files. */
export function createPackageService(deps: CoreDeps, options: PackageServiceOptions) {
  const { db } = deps.db;
  const runner = options.worker ? remoteRunner(options.worker) : null;

  async function freeSlug(slug: string): Promise<string> {
    for (let n = 1; n < 100; n += 1) {
      const candidate = n === 1 ? slug : `${slug.slice(0, 70)}-${n}`;
      const taken = await db.selectFrom('problems').select('id').where('slug', '=', candidate).executeTakeFirst();
      if (!taken) return candidate;
    }
    throw new AppError('SLUG_TAKEN', `Problems named ${slug} to ${slug}-99 exist already.`);
  }

  async function importFolder(root: string, shortName: string, actor: Actor): Promise<PackageImportResponse> {
    const contents = await readPackage(root);
    if (contents.tests.length === 0) throw new AppError('PACKAGE_INVALID', 'The package has no tests (data/sample or data/secret with .in and .ans files).');
    const mapped = await mapPackage(contents, shortName);
    const verified = await verifyPackage(mapped, runner);
    const report: PackageImportReport = { ...mapped.report, ...verified };
    const slug = await freeSlug(mapped.body.problem.slug);
    if (slug !== mapped.body.problem.slug) report.notes.push(`The slug ${mapped.body.problem.slug} is taken: ${slug} is used.`);
    mapped.body.problem.slug = slug;
    // Created unpublished: the admin reads the report, then publishes (confirming a mismatch, if any).
    const created = await options.problems.create(mapped.body, actor, { trusted: true });
    const statement = created.statement.replaceAll(PROBLEM_ID_TOKEN, String(created.id));
    await db.transaction().execute(async (trx) => {
      if (statement !== created.statement) await trx.updateTable('problems').set({ statement }).where('id', '=', created.id).execute();
      for (const file of contents.files) {
        const content = await readFile(file.absPath);
        await trx.insertInto('problemPackageFiles').values({ problemId: created.id, path: file.path, content, sizeBytes: content.length }).execute();
      }
      await trx.insertInto('problemPackageImports').values({
        problemId: created.id, report: JSON.stringify(report), hasMismatch: report.hasMismatch ? 1 : 0, createdBy: actor.userId, createdAtMs: deps.clock.now(),
      }).execute();
    });
    await deps.cache.deletePrefix('problems:');
    return { id: created.id, slug, title: created.title, isPublished: false, report };
  }

  async function readReport(problemId: number): Promise<PackageImportReport | null> {
    const row = await db.selectFrom('problemPackageImports').select('report').where('problemId', '=', problemId).executeTakeFirst();
    return row ? (JSON.parse(row.report) as PackageImportReport) : null;
  }

  return {
    /** A zip already on disk (the upload was streamed there); its name gives the short name. */
    async importZip(zipPath: string, fileName: string, actor: Actor): Promise<PackageImportResponse> {
      const work = await mkdtemp(join(tmpdir(), 'logicode-package-'));
      try {
        const files = await extractZip(zipPath, work, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
        const root = joinPackageRoot(work, files);
        if (!root) throw new AppError('PACKAGE_INVALID', 'No problem.yaml at the root of the zip (or in its only folder).');
        const shortName = root === work ? basename(fileName).replace(/\.zip$/i, '') : basename(root);
        return await importFolder(root, shortName || 'problem', actor);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },

    importFolder: (root: string, actor: Actor) => importFolder(root, basename(root), actor),

    report: readReport,

    /** Publishing an import whose report has a mismatch needs `confirmMismatch` (the admin saw it). */
    async publish(problemId: number, confirmMismatch: boolean): Promise<void> {
      const problem = await db.selectFrom('problems').select(['id', 'archivedAtMs']).where('id', '=', problemId).executeTakeFirst();
      if (!problem) throw new AppError('NOT_FOUND', 'No such problem.');
      if (problem.archivedAtMs !== null) throw new AppError('PROBLEM_ARCHIVED', 'This problem is archived; restore it before publishing it.');
      const imported = await db.selectFrom('problemPackageImports').select('hasMismatch').where('problemId', '=', problemId).executeTakeFirst();
      if (imported?.hasMismatch && !confirmMismatch) throw new AppError('PUBLISH_UNCONFIRMED');
      await db.updateTable('problems').set({ isPublished: 1, updatedAtMs: deps.clock.now() }).where('id', '=', problemId).execute();
      await deps.cache.deletePrefix('problems:');
    },

    /** The problem as a zip stream in the package format. */
    async exportZip(problemId: number) {
      const problem = await options.problems.getAdmin(problemId);
      const files = await db.selectFrom('problemPackageFiles').select(['path', 'content']).where('problemId', '=', problemId).orderBy('path').execute();
      const report = await readReport(problemId);
      return { slug: problem.slug, stream: exportPackageZip(problem, files, report?.statement.source ?? null) };
    },

    /**
     * A statement's file (an image): only from the statement folders, never validators, submissions or data. The
     * caller checks that the asker may see the problem.
     */
    async statementFile(problemId: number, path: string): Promise<{ content: Buffer; contentType: string }> {
      const extension = path.split('.').pop()?.toLowerCase() ?? '';
      if (!STATEMENT_DIRS.some((dir) => path.startsWith(dir)) || !(extension in CONTENT_TYPES) || path.includes('..')) {
        throw new AppError('NOT_FOUND', 'No such file.');
      }
      const row = await db.selectFrom('problemPackageFiles').select('content').where('problemId', '=', problemId).where('path', '=', path).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No such file.');
      return { content: Buffer.from(row.content), contentType: CONTENT_TYPES[extension]! };
    },
  };
}
