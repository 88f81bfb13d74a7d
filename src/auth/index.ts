/** The auth module's public face: users, roles and permissions, sessions, login, the Fastify wiring. */
export { DEMO_USERS, ensureDemoUsers } from './demo.js';
export { LOGIN_LIMITS, logIn } from './login.js';
export { hashPassword, PASSWORD_MIN_LENGTH, passwordProblems, verifyPassword } from './passwords.js';
export {
  type AuthResource,
  can,
  isRole,
  PERMISSIONS,
  type Permission,
  type Principal,
  permissionsOf,
  ROLES,
  type Role,
} from './permissions.js';
export { type AccessKind, installAuth, routeAccess, SESSION_COOKIE, userOf } from './plugin.js';
export { authRoutes } from './routes.js';
export { adminRoutes } from './routes-admin.js';
export {
  createSession,
  resolveSession,
  revokeAllSessions,
  revokeSession,
  SESSION_LIMITS,
  type SessionInfo,
} from './sessions.js';
export { publicStatistics, SETTINGS_CACHE_MS, setPublicStatistics } from './settings.js';
export {
  centerOfficers,
  countUsers,
  createUser,
  disableUser,
  findUserByLogin,
  getUser,
  listUsers,
  type NewUser,
  newUserIssues,
  resetPassword,
  type User,
} from './users.js';
