import { z } from 'zod';
import { languageIdSchema } from './languages.js';

/** A student's unsent code for one problem and language, kept on the server so another device can go on. */
export const draftSchema = z.object({
  problemId: z.number().int(),
  language: languageIdSchema,
  code: z.string(),
  /** Grows by one with every save: a PUT names the version it started from (optimistic concurrency). */
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const draftParamsSchema = z.object({
  problemId: z.coerce.number().int().positive(),
  language: languageIdSchema,
});

/** GET answers 200 with `draft: null` when there is none yet (not a 404: a missing draft is the usual case). */
export const draftResponseSchema = z.object({ draft: draftSchema.nullable() });

export const DRAFT_CODE_MAX_CHARS = 100_000;

export const putDraftBodySchema = z.object({
  code: z.string().max(DRAFT_CODE_MAX_CHARS, 'Code may be at most 100,000 characters.'),
  /** The version this edit started from; 0 when there was none. Another version stored → 409 CONFLICT with it. */
  baseVersion: z.number().int().min(0),
});
export type PutDraftBody = z.infer<typeof putDraftBodySchema>;
