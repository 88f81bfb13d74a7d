import nodemailer from 'nodemailer';
import { errors, type IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { applicantRecipient, officerRecipient } from './case-writes.js';
import type { Deadline } from './deadlines.js';
import { type NotificationData, notificationRow } from './notification-data.js';
import { casesDb } from './tables.js';
import { type CaseAlert, deadlineAlerts } from './watch.js';

/**
 * The deadline pass: warnings before a deadline and notices once it has passed, in the app
 * (`notifications`) and by e-mail when an SMTP transport is configured (IPREGION_SMTP_URL, e.g.
 * `smtp://user:pass@mail.example.org:587`; absent → in the app only). A warning goes to whoever must
 * act — the officer (or the center, while nobody is assigned) for the center's limits, the applicant
 * for the applicant's own — and an overdue notice to both. Each recipient gets one notification per
 * case, kind and day however often the pass runs; an e-mail that could not be sent is tried again
 * by the next pass.
 */

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** What sends mail: a nodemailer transport, or anything with its `sendMail`. */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

export const DEFAULT_FROM = 'ipregion <no-reply@ipregion.invalid>';

export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/** The transport IPREGION_SMTP_URL names, or null (in-app notifications only). */
export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  const url = env.IPREGION_SMTP_URL?.trim();
  return url ? smtpTransport(url) : null;
}

export interface NotifyOptions {
  /** Default IPREGION_SMTP_FROM, else `DEFAULT_FROM`. */
  from?: string;
  /** The e-mail address of a recipient (`user:12`, `center:pc-wuhan`); applicants use the case's. */
  emailOf?: (recipient: string) => Promise<string | null> | string | null;
}

export interface NotifyResult {
  /** New in-app notifications (a second pass on the same day adds none). */
  created: number;
  emailed: number;
  /** E-mails that failed; they stay pending for the next pass. */
  failed: number;
}

const LIMIT_LABEL: Record<Deadline['limit'], { en: string; zh: string }> = {
  intake: { en: 'intake', zh: '受理' },
  handling: { en: 'handling', zh: '办理' },
  filing: { en: 'filing with CNIPA', zh: '向国家知识产权局提交申请' },
};

export async function notifyDeadlines(
  store: Store,
  asOf: IsoDate,
  transport?: MailTransport | null,
  options: NotifyOptions = {},
): Promise<NotifyResult> {
  const alerts = await deadlineAlerts(store, asOf);
  const db = casesDb(store);
  const now = new Date().toISOString();
  let created = 0;
  for (const alert of alerts) {
    const rows = [];
    for (const { recipient, email, deadlines } of await recipientsOf(alert, options)) {
      const kind = alert.status === 'overdue' ? 'overdue' : 'deadline_warning';
      rows.push(
        notificationRow({
          recipient,
          caseId: alert.case.id,
          kind,
          message: messageOf(alert, deadlines),
          data: {
            event: 'deadline',
            number: alert.case.number,
            deadlines: deadlines.map((d) => ({
              limit: d.limit,
              due: d.due,
              left: d.left,
              unit: d.unit,
              status: d.status,
            })),
          },
          onDate: asOf,
          createdAt: now,
          dedupeKey: `${alert.case.id}|${recipient}|${kind}|${asOf}`,
          email,
        }),
      );
    }
    if (rows.length === 0) continue;
    const inserted = await db
      .insertInto('notifications')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
  }
  const mail = transport ? await sendPending(store, transport, options.from) : { emailed: 0, failed: 0 };
  return { created, ...mail };
}

async function recipientsOf(alert: CaseAlert, options: NotifyOptions) {
  const c = alert.case;
  const row = {
    officer_id: c.officerId,
    center_id: c.centerId,
    applicant_user_id: c.applicant.userId,
    applicant_credit_code: c.applicant.creditCode,
  };
  const officer = officerRecipient(row);
  const applicant = applicantRecipient(row);
  const overdue = alert.status === 'overdue';
  const forOfficer = alert.deadlines.filter((d) => overdue || d.party === 'center');
  const forApplicant = alert.deadlines.filter((d) => overdue || d.party === 'applicant');
  const out: { recipient: string; email: string | null; deadlines: Deadline[] }[] = [];
  if (forOfficer.length > 0) {
    out.push({
      recipient: officer,
      email: (await options.emailOf?.(officer)) ?? null,
      deadlines: forOfficer,
    });
  }
  if (forApplicant.length > 0) {
    const email = c.applicant.email ?? (await options.emailOf?.(applicant)) ?? null;
    out.push({ recipient: applicant, email, deadlines: forApplicant });
  }
  return out;
}

function messageOf(alert: CaseAlert, deadlines: readonly Deadline[]): string {
  const parts = deadlines.map((d) => {
    const label = LIMIT_LABEL[d.limit];
    const when = d.due ?? '—';
    return d.status === 'overdue'
      ? `${label.en} deadline ${when} has passed (${label.zh}期限已过)`
      : `${label.en} deadline ${when}, ${d.left} ${d.unit === 'days' ? 'days' : 'working days'} left (${label.zh}期限将至)`;
  });
  return `case ${alert.case.number}: ${parts.join('; ')}`;
}

/**
 * Sends the pending e-mails. Each is claimed first (`emailed_at` set where it is still null), so two
 * passes running at once never send the same one twice; a failed send is released again.
 */
async function sendPending(
  store: Store,
  transport: MailTransport,
  from = process.env.IPREGION_SMTP_FROM ?? DEFAULT_FROM,
): Promise<{ emailed: number; failed: number }> {
  const db = casesDb(store);
  const pending = await db
    .selectFrom('notifications')
    .select(['id', 'email', 'message', 'kind'])
    .where('emailed_at', 'is', null)
    .where('email', 'is not', null)
    .orderBy('id')
    .execute();
  let emailed = 0;
  let failed = 0;
  for (const n of pending) {
    const claimedAt = new Date().toISOString();
    const claim = await db
      .updateTable('notifications')
      .set({ emailed_at: claimedAt })
      .where('id', '=', n.id)
      .where('emailed_at', 'is', null)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) === 0) continue;
    const subject =
      n.kind === 'overdue'
        ? 'ipregion: a case deadline has passed 案件已超期'
        : 'ipregion: a case deadline is near 案件期限将至';
    try {
      await transport.sendMail({ from, to: n.email!, subject, text: `${n.message}\n` });
      emailed += 1;
    } catch {
      failed += 1;
      await db.updateTable('notifications').set({ emailed_at: null }).where('id', '=', n.id).execute();
    }
  }
  return { emailed, failed };
}

/** A recipient's notifications (or several recipients' together: a user's own and their center's), newest first. */
export async function notificationsFor(
  store: Store,
  recipient: string | readonly string[],
  opts: {
    unreadOnly?: boolean;
    limit?: number;
    /** Only those after this one in the order (newest first): the next page. */
    before?: { createdAt: string; id: number };
  } = {},
) {
  const recipients = typeof recipient === 'string' ? [recipient] : [...recipient];
  if (recipients.length === 0) return [];
  let q = casesDb(store).selectFrom('notifications').selectAll().where('recipient', 'in', recipients);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const before = opts.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(opts.limit ?? 50, 500))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    caseId: r.case_id,
    kind: r.kind,
    message: r.message,
    data: r.data === null ? null : (JSON.parse(r.data) as NotificationData),
    onDate: r.on_date,
    createdAt: r.created_at,
    readAt: r.read_at,
    emailedAt: r.emailed_at,
  }));
}

/** How many of the recipients' notifications are unread. */
export async function unreadNotificationCount(store: Store, recipients: readonly string[]): Promise<number> {
  if (recipients.length === 0) return 0;
  const row = await casesDb(store)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('recipient', 'in', [...recipients])
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks every unread notification of the recipients read; returns how many. */
export async function markAllNotificationsRead(
  store: Store,
  recipients: readonly string[],
  now = new Date(),
): Promise<number> {
  if (recipients.length === 0) return 0;
  const res = await casesDb(store)
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('recipient', 'in', [...recipients])
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function markNotificationRead(
  store: Store,
  recipient: string,
  id: number,
  now = new Date(),
): Promise<boolean> {
  const res = await casesDb(store)
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('id', '=', id)
    .where('recipient', '=', recipient)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Marks one of the recipients' notifications read (once: a second call keeps the first time);
 * `not_found` when it is none of theirs.
 */
export async function readNotification(
  store: Store,
  recipients: readonly string[],
  id: number,
  now = new Date(),
): Promise<{ id: number; readAt: string }> {
  const db = casesDb(store);
  const row =
    recipients.length === 0
      ? undefined
      : await db
          .selectFrom('notifications')
          .select(['id', 'recipient', 'read_at'])
          .where('id', '=', id)
          .where('recipient', 'in', [...recipients])
          .executeTakeFirst();
  if (!row) throw errors.notFound('notification', String(id));
  if (row.read_at !== null) return { id, readAt: row.read_at };
  await markNotificationRead(store, row.recipient, id, now);
  const after = await db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', id)
    .executeTakeFirst();
  return { id, readAt: after?.read_at ?? now.toISOString() };
}
