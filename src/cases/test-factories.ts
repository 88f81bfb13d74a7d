import { IpregionError, withCheck } from '../core/index.js';
import type { Store } from '../store/index.js';
import type { ActorRef } from './actors.js';
import { type CenterInput, createCenter } from './centers.js';
import { createCase, type NewCase } from './create-case.js';
import { applyRegistration, decideRegistration } from './registration-flow.js';
import type { RegistrationInput } from './registrations.js';

export const officer: ActorRef = { kind: 'officer', userId: 7, ip: '10.0.0.7' };
export const otherOfficer: ActorRef = { kind: 'officer', userId: 8, ip: '10.0.0.8' };
export const applicant: ActorRef = { kind: 'applicant', userId: 21, ip: '10.0.0.21' };
export const admin: ActorRef = { kind: 'system', userId: 1, ip: '127.0.0.1' };

let serial = 0;

/** A valid unified social credit code registered in `region`, different at each call. */
export function buildCreditCode(region = '420111'): string {
  serial += 1;
  return withCheck(`91${region}MA${String(serial).padStart(7, '0')}`);
}

/** An optoelectronics protection center in Wuhan for tests; override what the test is about. */
export function buildCenter(overrides: Partial<CenterInput> = {}): CenterInput {
  return {
    id: 'pc-test-wuhan',
    kind: 'protection_center',
    nameZh: '中国（武汉）知识产权保护中心',
    nameEn: 'China (Wuhan) IP Protection Center',
    city: '420100',
    industries: [
      { zh: '光电子信息', en: 'optoelectronic information', ipc: ['H01S', 'H01L'], locarno: ['14'] },
    ],
    services: [
      'pre_examination',
      'rights_protection',
      'mediation',
      'ecommerce_takedown',
      'overseas_guidance',
      'consultation',
    ],
    ...overrides,
  };
}

export function buildRegistration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    centerId: 'pc-test-wuhan',
    organisation: '武汉光谷测试激光有限公司',
    creditCode: buildCreditCode(),
    regionCode: '420111',
    fieldIpc: ['H01S'],
    fieldLocarno: [],
    ...overrides,
  };
}

export async function seedCenter(store: Store, overrides: Partial<CenterInput> = {}) {
  return createCenter(store, buildCenter(overrides), admin);
}

/** The test center and an enterprise registered with it on `onDate`: the enterprise's credit code. */
export async function seedCenterAndEnterprise(store: Store, onDate = '2026-01-05'): Promise<string> {
  await seedCenter(store);
  return (await registeredEnterprise(store, onDate)).creditCode;
}

/** An enterprise registered (applied and approved on `onDate`) with the test center. */
export async function registeredEnterprise(
  store: Store,
  onDate = '2026-01-05',
  overrides: Partial<RegistrationInput> = {},
) {
  const reg = await applyRegistration(store, buildRegistration(overrides), applicant, { onDate });
  return decideRegistration(store, reg.id, 'approve', officer, { onDate });
}

export function buildCase(creditCode: string, overrides: Partial<NewCase> = {}): NewCase {
  return {
    type: 'pre_examination',
    centerId: 'pc-test-wuhan',
    applicant: { organisation: '武汉光谷测试激光有限公司', creditCode, userId: 21 },
    summary: '一种超快激光器的谐振腔结构',
    ...overrides,
  };
}

export async function seedCase(
  store: Store,
  creditCode: string,
  onDate: string,
  overrides: Partial<NewCase> = {},
) {
  return createCase(store, buildCase(creditCode, overrides), applicant, { onDate });
}

/** The IpregionError a promise rejects with (its code, status and detail), or 'none'. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ code: string; status: number; detail: Record<string, unknown> } | 'none'> {
  try {
    await p;
    return 'none';
  } catch (e) {
    if (e instanceof IpregionError) return { code: e.code, status: e.status, detail: e.detail };
    throw e;
  }
}
