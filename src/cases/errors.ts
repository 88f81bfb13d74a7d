import { IpregionError } from '../core/index.js';

/**
 * The cases module's named errors, beside core's catalogue: each with a stable code and an HTTP
 * status, so that the routes' one error handler turns them into problem+json unchanged.
 */
export const caseErrors = {
  /** Someone else saved first: the caller must reload and decide again (never a lost update). */
  conflict: (what: string, id: string, current: number, expected: number) =>
    new IpregionError(
      'conflict',
      409,
      `${what} ${id} was changed by someone else: it is at version ${current}, not ${expected}; reload it and try again`,
      { id, currentVersion: current, expectedVersion: expected },
    ),
  alreadyExists: (what: string, id: string) =>
    new IpregionError('already_exists', 409, `${what} ${id} already exists`, { id }),
  outsideArea: (regionCode: string, centerId: string, area: string) =>
    new IpregionError(
      'outside_center_area',
      400,
      `an enterprise located in ${regionCode} is outside the area ${area} that center ${centerId} serves`,
      { regionCode, centerId, area },
    ),
  fieldNotServed: (centerId: string) =>
    new IpregionError(
      'field_not_served',
      400,
      `the enterprise's field (IPC subclasses, Locarno classes) is not among the industries center ${centerId} serves`,
      { centerId },
    ),
  alreadyRegistered: (creditCode: string, centerId: string, status: string) =>
    new IpregionError(
      'already_registered',
      409,
      `enterprise ${creditCode} already has a registration with center ${centerId} (${status})`,
      { creditCode, centerId, status },
    ),
  /** Fast-track services need an approved registration that has not expired on the day asked. */
  notRegistered: (creditCode: string, centerId: string, status: 'none' | 'applied' | 'refused' | 'expired') =>
    new IpregionError(
      status === 'none' ? 'not_registered' : `registration_${status === 'applied' ? 'pending' : status}`,
      403,
      status === 'none'
        ? `enterprise ${creditCode} is not registered with center ${centerId}: fast-track pre-examination needs a registration (备案)`
        : `the registration of enterprise ${creditCode} with center ${centerId} is ${status === 'applied' ? 'not yet approved' : status}: fast-track pre-examination needs an approved registration`,
      { creditCode, centerId, registration: status },
    ),
  serviceNotOffered: (centerId: string, type: string) =>
    new IpregionError('service_not_offered', 400, `center ${centerId} does not take ${type} cases`, {
      centerId,
      type,
    }),
  evidenceTooLarge: (size: number, limit: number) =>
    new IpregionError('payload_too_large', 413, `evidence files are limited to ${limit} bytes`, {
      size,
      limit,
    }),
  unsupportedMediaType: (mediaType: string, allowed: readonly string[]) =>
    new IpregionError(
      'unsupported_media_type',
      415,
      `${mediaType} is not an accepted evidence type (${allowed.join(', ')})`,
      { mediaType, allowed },
    ),
  contentMismatch: (fileName: string, mediaType: string) =>
    new IpregionError(
      'content_type_mismatch',
      415,
      `${fileName}: the file's content is not ${mediaType} (its first bytes say otherwise)`,
      { fileName, mediaType },
    ),
} as const;
