import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.js';
import type { User } from './users.js';

/** A user in API answers: never the password hash. */
export const userSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  centerId: z.string().nullable().describe('officer: the protection center they work for'),
  organisation: z.string().nullable().describe('enterprise user: the enterprise'),
  creditCode: z
    .string()
    .nullable()
    .describe('enterprise user: unified social credit code (统一社会信用代码)'),
  enterpriseId: z.string().nullable(),
  institution: z.string().nullable().describe('institution user: the institution'),
  disabled: z.boolean(),
  failedLogins: z.number().int().describe('failed logins since the last success'),
  lockedUntil: z.string().nullable().describe('set when repeated failures locked the login'),
  passwordChangedAt: z.string(),
  createdAt: z.string(),
});

export const sessionAnswer = z.object({
  user: userSchema,
  permissions: z.array(z.enum(PERMISSIONS)).describe("what the user's role may do"),
  csrfToken: z.string().describe('send as the x-csrf-token header with every POST, PUT, PATCH and DELETE'),
  expiresAt: z.string().describe('the session ends at this time at the latest'),
  idleExpiresAt: z.string().describe('the session ends at this time if it is not used before'),
});

export function presentUser(u: User): z.infer<typeof userSchema> {
  return {
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role,
    centerId: u.centerId,
    organisation: u.organisation,
    creditCode: u.creditCode,
    enterpriseId: u.enterpriseId,
    institution: u.institution,
    disabled: u.disabled,
    failedLogins: u.failedLogins,
    lockedUntil: u.lockedUntil,
    passwordChangedAt: u.passwordChangedAt,
    createdAt: u.createdAt,
  };
}
