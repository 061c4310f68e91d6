import { z } from 'zod';

export const ROLES = ['student', 'teacher', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter a valid email address.' })).pipe(z.string().max(254));
const passwordSchema = z
  .string()
  .min(8, 'The password needs at least 8 characters.')
  .max(200, 'The password may have at most 200 characters.');

export const signupBodySchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  email: emailSchema,
  password: passwordSchema,
});
export type SignupBody = z.infer<typeof signupBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Optional: API clients that do not keep cookies pass the refresh token in the body. */
export const refreshBodySchema = z.object({ refreshToken: z.string().min(1).optional() }).nullish();

export const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionResponseSchema = z.object({
  user: userSchema,
  /** Also set as httpOnly cookies; returned for API clients that use `Authorization: Bearer`. */
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** GET /api/auth/me: the user, and when the access token the request carried expires (refresh ahead of it). */
export const meResponseSchema = z.object({ user: userSchema, accessTokenExpiresAt: z.string() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/**
 * POST /api/auth/password: the signed-in user changes their own password. Every other session of the user ends
 * (refresh tokens revoked, access tokens refused, sockets disconnected); the answer is a fresh session for this one.
 */
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** Why the server ended a socket's session ('session:ended', sent once just before it disconnects the socket). */
export const SESSION_END_REASONS = ['expired', 'signed_out', 'revoked', 'role_changed', 'password_changed'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export const changeRoleBodySchema = z.object({ role: roleSchema });

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
