/** Roles and what each may do: the one permission model every route and service asks. */
export const ROLES = ['admin', 'analyst', 'officer', 'enterprise', 'institution'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'stats:read',
  'registry:read',
  'users:manage',
  'settings:manage',
  'cases:read',
  'cases:write',
  'cases:report',
  'centers:manage',
  'calendar:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: ['stats:read', 'registry:read', 'cases:report'],
  // Officers and enterprises hold case permissions only for their own center's / enterprise's cases:
  // see `can` with a resource.
  officer: ['stats:read', 'registry:read', 'cases:read', 'cases:write', 'cases:report'],
  enterprise: ['stats:read', 'registry:read', 'cases:read', 'cases:write'],
  institution: ['stats:read', 'registry:read'],
};

/** Who is asking: the parts of a user that permissions depend on. */
export interface Principal {
  role: Role;
  centerId: string | null;
  creditCode: string | null;
  enterpriseId: string | null;
}

/** What is asked about: a case (its center and enterprise), a center, a report of a center. */
export interface AuthResource {
  centerId?: string | null;
  creditCode?: string | null;
  enterpriseId?: string | null;
}

/** Permissions an officer or enterprise holds only over its own center's or enterprise's things. */
const SCOPED: ReadonlySet<Permission> = new Set(['cases:read', 'cases:write', 'cases:report']);

/**
 * Whether `user` may do `permission`, on `resource` when one is given. Without a resource the
 * answer is about the role ("may officers write cases at all?"); with one, officers are held to
 * their center and enterprise users to their enterprise (by enterprise id or credit code).
 */
export function can(user: Principal | null, permission: Permission, resource?: AuthResource): boolean {
  if (!user) return false;
  if (!GRANTS[user.role].includes(permission)) return false;
  if (!resource || !SCOPED.has(permission)) return true;
  if (user.role === 'officer') return user.centerId !== null && resource.centerId === user.centerId;
  if (user.role === 'enterprise') {
    const byId = user.enterpriseId !== null && resource.enterpriseId === user.enterpriseId;
    const byCode = user.creditCode !== null && resource.creditCode === user.creditCode;
    return byId || byCode;
  }
  return true;
}

/** The permissions of a role, for the web app to show or hide what the user may do. */
export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
