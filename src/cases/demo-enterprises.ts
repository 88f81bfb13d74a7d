import { addDays, type IsoDate } from '../core/index.js';
import type { WorkingCalendar } from '../reference/index.js';
import type { AuditInput } from './audit.js';
import type { Center } from './centers.js';
import { companyName, creditCode, DemoRng, enterpriseRegion } from './demo-data.js';
import { expiryOf } from './registrations.js';
import type { RegistrationsTable } from './tables.js';

/**
 * The demo's enterprises: each registered (备案) with one center, in its area and field, renewing
 * its registration every year (most do; some let it lapse), a few refused once before being
 * approved. Registration dates do not depend on the demo's end date, so cases before it are the
 * same whatever the end.
 */
export interface DemoEnterprise {
  center: Center;
  organisation: string;
  creditCode: string;
  regionCode: string;
  industryZh: string;
  /** Approved registrations: valid from `from` up to, not including, `to`. */
  valid: { id: string; from: IsoDate; to: IsoDate }[];
}

/** Centers' relative volumes of work (ids not listed weigh 1). */
export const CENTER_WEIGHT: Record<string, number> = {
  'pc-wuhan': 1.6,
  'pc-changsha': 1.4,
  'pc-hefei': 1.3,
  'pc-luoyang': 1.0,
  'pc-ganzhou': 0.9,
  'pc-jingdezhen': 0.8,
  'pc-shanxi': 0.9,
  'pc-henan': 1.3,
  'pc-xinxiang': 0.7,
  'pc-anhui': 1.2,
  'pc-hubei': 1.3,
  'pc-hunan': 1.2,
  'pc-nanchang': 0.9,
  'rc-jingdezhen-ceramics': 0.6,
  'rc-wuhan-auto': 0.6,
  'rc-zhengzhou-creative': 0.5,
  'rc-liuyang-fireworks': 0.4,
  'rc-xuancheng-stationery': 0.3,
};

export const DEMO_OFFICER = (centerId: string) => `demo:officer:${centerId}`;

export interface DemoRegistrations {
  enterprises: DemoEnterprise[];
  rows: RegistrationsTable[];
  audit: AuditInput[];
}

/** Office hours in China (09:00–17:00, UTC+8) on a day, as a UTC moment. */
export function officeMoment(day: IsoDate, minute: number): string {
  const m = Math.min(Math.max(minute, 0), 479);
  return `${day}T${String(1 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`;
}

export function demoEnterprises(
  seed: number,
  centers: readonly Center[],
  from: IsoDate,
  to: IsoDate,
  cal: WorkingCalendar,
): DemoRegistrations {
  const enterprises: DemoEnterprise[] = [];
  const rows: RegistrationsTable[] = [];
  const audit: AuditInput[] = [];
  const codes = new Set<string>();
  for (const center of centers) {
    const rng = new DemoRng(seed, `enterprises:${center.id}`);
    const count = Math.round(40 + 80 * (CENTER_WEIGHT[center.id] ?? 1));
    for (let i = 0; i < count; i++) {
      const industry = rng.pick(center.industries);
      const regionCode = enterpriseRegion(rng, center);
      let code = creditCode(rng, regionCode);
      while (codes.has(code)) code = creditCode(rng, regionCode);
      codes.add(code);
      const e: DemoEnterprise = {
        center,
        organisation: companyName(rng, regionCode, industry?.zh ?? '科技'),
        creditCode: code,
        regionCode,
        industryZh: industry?.zh ?? '科技',
        valid: [],
      };
      const ipc = industry ? industry.ipc.filter(() => rng.chance(0.6)).slice(0, 3) : [];
      const field = {
        ipc: ipc.length > 0 || !industry ? ipc : industry.ipc.slice(0, 1),
        locarno:
          industry && industry.locarno.length > 0 && rng.chance(0.5) ? [rng.pick(industry.locarno)] : [],
      };
      if (field.ipc.length === 0 && field.locarno.length === 0 && industry)
        field.locarno = industry.locarno.slice(0, 1);
      // Most registered before the demo starts; the others over the next three years.
      let applied = rng.chance(0.7)
        ? addDays(from, -rng.between(20, 360))
        : addDays(from, rng.between(0, 3 * 365));
      applied = cal.workingDayOnOrAfter(applied);
      let refusedOnce = rng.chance(0.06);
      while (applied <= to) {
        const decided = cal.addWorkingDays(applied, rng.between(1, 5)).date;
        const refused = refusedOnce;
        const expires = refused ? null : expiryOf(decided);
        const id = rng.uuid();
        const status =
          decided > to ? 'applied' : refused ? 'refused' : expires! <= to ? 'expired' : 'approved';
        const at = officeMoment(applied, rng.int(480));
        const decidedAt = officeMoment(decided, rng.int(480));
        const row: RegistrationsTable = {
          id,
          center_id: center.id,
          organisation: e.organisation,
          credit_code: code,
          region_code: regionCode,
          field_ipc: JSON.stringify(field.ipc),
          field_locarno: JSON.stringify(field.locarno),
          status,
          applied_on: applied,
          applicant_user_id: null,
          decided_by: status === 'applied' ? null : DEMO_OFFICER(center.id),
          decided_on: status === 'applied' ? null : decided,
          expires_on: status === 'applied' ? null : expires,
          reason:
            status === 'refused'
              ? '材料不完整：缺少营业执照副本 (incomplete: business licence missing)'
              : null,
          created_at: at,
          updated_at: decided > to ? at : decidedAt,
          version: status === 'applied' ? 1 : status === 'expired' ? 3 : 2,
        };
        rows.push(row);
        const applyRow = {
          ...row,
          status: 'applied',
          decided_by: null,
          decided_on: null,
          expires_on: null,
          reason: null,
          version: 1,
          updated_at: at,
        };
        audit.push({
          actor: 'demo:applicant',
          entity: 'registration',
          entityId: id,
          action: 'apply',
          after: applyRow,
          at,
        });
        if (status !== 'applied') {
          const decidedRow = {
            ...applyRow,
            status: refused ? 'refused' : 'approved',
            decided_by: row.decided_by,
            decided_on: decided,
            expires_on: expires,
            reason: row.reason,
            version: 2,
            updated_at: decidedAt,
          };
          audit.push({
            actor: DEMO_OFFICER(center.id),
            entity: 'registration',
            entityId: id,
            action: refused ? 'refuse' : 'approve',
            before: applyRow,
            after: decidedRow,
            at: decidedAt,
          });
          if (status === 'expired') {
            const expiredAt = officeMoment(expires!, 0);
            audit.push({
              actor: 'system',
              entity: 'registration',
              entityId: id,
              action: 'expire',
              before: decidedRow,
              after: { ...decidedRow, status: 'expired', version: 3, updated_at: expiredAt },
              at: expiredAt,
            });
          }
        }
        if (status === 'applied') break;
        if (refused) {
          refusedOnce = false;
          applied = cal.workingDayOnOrAfter(addDays(decided, rng.between(10, 40)));
          continue;
        }
        e.valid.push({ id, from: decided, to: expires! });
        // 85 in 100 renew, 10 to 50 days before the year is over.
        if (!rng.chance(0.85)) break;
        applied = cal.workingDayOnOrAfter(addDays(expires!, -rng.between(10, 50)));
      }
      enterprises.push(e);
    }
  }
  return { enterprises, rows, audit };
}

/** An enterprise of the center whose registration is valid on `day`, or null. */
export function registeredOn(rng: DemoRng, pool: readonly DemoEnterprise[], day: IsoDate) {
  const active = pool.filter((e) => e.valid.some((v) => v.from <= day && day < v.to));
  if (active.length === 0) return null;
  const e = rng.pick(active);
  return { enterprise: e, registrationId: e.valid.find((v) => v.from <= day && day < v.to)!.id };
}
