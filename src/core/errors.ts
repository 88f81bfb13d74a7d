/**
 * The catalogue of named errors. Each has a stable `code` (used in problem+json responses and CLI
 * output) and an HTTP status; nothing else should reach a user as an error.
 */
export class IpregionError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IpregionError';
  }
}

export const errors = {
  usage: (message: string) => new IpregionError('usage', 400, message),
  invalidInput: (message: string, detail: Record<string, unknown> = {}) =>
    new IpregionError('invalid_input', 400, message, detail),
  notFound: (what: string, id: string) =>
    new IpregionError('not_found', 404, `${what} ${id} was not found`, { id }),
  unknownFormat: (file: string) =>
    new IpregionError('unknown_format', 400, `${file}: the file's format was not recognised`, { file }),
  fileNotFound: (file: string) => new IpregionError('file_not_found', 404, `${file}: no such file`, { file }),
  config: (problems: string[]) =>
    new IpregionError('invalid_config', 500, `configuration is invalid:\n- ${problems.join('\n- ')}`, {
      problems,
    }),
  database: (message: string) => new IpregionError('database', 500, message),
  migration: (message: string) => new IpregionError('migration', 500, message),
  invalidTransition: (type: string, from: string, action: string) =>
    new IpregionError('invalid_transition', 409, `${action} does not apply to a ${type} case in ${from}`, {
      type,
      from,
      action,
    }),
  transitionNotAllowed: (type: string, action: string, actor: string) =>
    new IpregionError('transition_not_allowed', 403, `${action} on a ${type} case is not for the ${actor}`, {
      type,
      action,
      actor,
    }),
  unauthenticated: (message = 'sign in first: this needs a session') =>
    new IpregionError('unauthenticated', 401, message),
  forbidden: (message = 'your role may not do this') => new IpregionError('forbidden', 403, message),
  csrf: () =>
    new IpregionError(
      'csrf',
      403,
      'a write with a session cookie needs the x-csrf-token header of that session (from login or GET /api/auth/me)',
    ),
  /** Too many attempts from one address; `retryAfter` in seconds. */
  rateLimited: (retryAfter: number) =>
    new IpregionError('rate_limited', 429, `too many attempts: try again in ${retryAfter} s`, { retryAfter }),
  /** A login locked after repeated failures; `retryAfter` in seconds. */
  locked: (retryAfter: number) =>
    new IpregionError('locked', 429, `too many failed logins: try again in ${retryAfter} s`, { retryAfter }),
  /** The same answer for an unknown login and a wrong password. */
  invalidCredentials: () =>
    new IpregionError('invalid_credentials', 401, 'the login or the password is wrong'),
  accountDisabled: () =>
    new IpregionError('account_disabled', 403, 'this account is disabled: ask an administrator'),
  conflict: (message: string, detail: Record<string, unknown> = {}) =>
    new IpregionError('conflict', 409, message, detail),
  /** A password that breaks the rules: bad input like any other, with every reason at once. */
  invalidPassword: (reasons: string[]) =>
    new IpregionError('invalid_input', 400, `password: ${reasons.join('; ')}`, { reasons }),
} as const;
