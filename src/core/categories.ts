import type { EventType, St27Category } from './types.js';

/** The ST.27 category an event type falls in, for events that come without an office code. */
export const CATEGORY_OF_TYPE: Record<EventType, St27Category> = {
  filing: 'A',
  publication: 'Q',
  examination: 'D',
  grant: 'F',
  fee_payment: 'U',
  lapse: 'H',
  expiry: 'H',
  invalidation: 'H',
  partial_invalidation: 'M',
  surrender: 'H',
  withdrawal: 'B',
  refusal: 'B',
  cessation: 'H',
  restoration: 'K',
  renewal: 'M',
  transfer: 'R',
  holder_change: 'R',
  licence: 'S',
  licence_end: 'S',
  pledge: 'S',
  pledge_release: 'S',
  term_extension: 'G',
  correction: 'P',
  other: 'W',
};
