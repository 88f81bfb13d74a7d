import type { AppNotification } from '../api/notifications.js';
import { LIMIT_LABELS } from '../i18n.js';
import type { I18n } from '../lang.js';

/** A dictionary template with its `{name}` places filled in. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * What a notification says, in the reader's language: worded from its data (states, actions,
 * limits by their names), or the server's own message for one without data (written before).
 */
export function notificationText(n: AppNotification, i: I18n): string {
  const { t } = i;
  const d = n.data;
  if (!d) return n.message;
  switch (d.event) {
    case 'created':
      return fill(t.noticeCreated, {
        number: d.number,
        type: i.caseType(d.type),
        organisation: d.organisation,
      });
    case 'action':
      return fill(t.noticeAction, {
        number: d.number,
        action: i.caseAction(d.action),
        from: i.caseState(d.from),
        to: i.caseState(d.to),
      });
    case 'extension':
      return fill(t.noticeExtension, {
        number: d.number,
        limit: i.label(LIMIT_LABELS, d.limit),
        days: d.days,
        reason: d.reason,
      });
    case 'deadline': {
      const parts = d.deadlines.map((x) => {
        const values = {
          limit: i.label(LIMIT_LABELS, x.limit),
          due: x.due ? i.date(x.due) : '—',
          left: x.left ?? '—',
          unit: x.unit === 'days' ? t.noticeDays : t.noticeWorkingDays,
        };
        return fill(x.status === 'overdue' ? t.noticeDeadlinePassed : t.noticeDeadlineNear, values);
      });
      return fill(t.noticeDeadline, { number: d.number, parts: parts.join(t.noticeSeparator) });
    }
    default:
      return n.message;
  }
}
