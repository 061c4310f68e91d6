import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors.js';

export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.unknown().optional(),
});

/** The largest id a path may name: the databases' 32-bit signed INT keys. */
const MAX_ID = 2_147_483_647;

/**
 * An id in a path: a positive whole number written plainly, digits only. Loose forms (` 1`, `%201`, `1e3`, `01`,
 * `1.0`, `0x1`) that a plain number coercion would accept as another id are a 400, not a silent alias.
 */
export const pathIdSchema = z.string()
  .regex(/^[1-9][0-9]{0,9}$/, 'An id is a positive whole number written with digits only.')
  .transform(Number)
  .pipe(z.number().int().positive().max(MAX_ID));

export const idParamSchema = z.object({ id: pathIdSchema });

/** Page-number pagination for catalog-like lists. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** Cursor pagination for append-only streams (events). `nextCursor` is null at the end. */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const okSchema = z.object({ ok: z.literal(true) });
