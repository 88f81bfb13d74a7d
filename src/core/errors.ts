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
} as const;
