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
  /** False while an admin has deactivated the account (no sign-in); sent on admin reads. */
  active: z.boolean().optional(),
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
 * GET /api/auth/me?optional=1 asked with no access token at all (a visitor who never signed in on this browser):
 * answered 200 with no user instead of 401, so every signed-out page does not log a failed request in the console.
 * A token that is present but expired, forged or revoked is still a 401, so the client's refresh logic is unchanged.
 */
export const meQuerySchema = z.object({ optional: z.literal('1').optional() });
export const signedOutMeResponseSchema = z.object({ user: z.null(), accessTokenExpiresAt: z.null() });
export type SignedOutMeResponse = z.infer<typeof signedOutMeResponseSchema>;

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

/**
 * POST /api/auth/password/forgot: always answers 202 whether or not the address has an account (no enumeration).
 * When the server has SMTP configured, the account's owner gets a one-time link by e-mail; otherwise an admin
 * issues the link (POST /api/admin/users/:id/password-reset) and hands it over.
 */
export const forgotPasswordBodySchema = z.object({ email: emailSchema });
export type ForgotPasswordBody = z.infer<typeof forgotPasswordBodySchema>;
/** `byEmail`: whether this server e-mails links (else the page says to ask an administrator). */
export const forgotPasswordResponseSchema = z.object({ ok: z.literal(true), byEmail: z.boolean() });
export type ForgotPasswordResponse = z.infer<typeof forgotPasswordResponseSchema>;
/** GET /api/auth/password/reset?token=…: whether the link still works (the page asks before showing its form). */
export const resetTokenQuerySchema = z.object({ token: z.string().max(200) });
export const resetTokenStatusSchema = z.object({ valid: z.boolean() });

/** POST /api/auth/password/reset: the one-time token from the link and the new password; every session ends. */
export const resetPasswordBodySchema = z.object({
  token: z.string().min(20, 'The reset link is not valid.').max(200, 'The reset link is not valid.'),
  newPassword: passwordSchema,
});
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

/** What an admin gets when issuing a reset link: the path (joined to the site's origin by the page) and its expiry. */
export const passwordResetIssuedSchema = z.object({
  /** e.g. `/reset-password?token=…`; the token inside works once, until expiresAt. */
  resetPath: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type PasswordResetIssued = z.infer<typeof passwordResetIssuedSchema>;

/** POST /api/admin/users/:id/active: deactivate (signs the user out everywhere, no sign-in) or reactivate. */
export const setActiveBodySchema = z.object({ active: z.boolean() });

export const changeRoleBodySchema = z.object({ role: roleSchema });

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
