import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/notifications.js';
import {
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  CASE_TYPE_LABELS,
  DICTS,
  formatDate,
  type Lang,
  labelOf,
} from '../i18n.js';
import type { I18n } from '../lang.js';
import { notificationText } from './wording.js';

/** The parts of the web app's I18n the wording uses, as the app builds them. */
function i18n(lang: Lang): I18n {
  return {
    lang,
    t: DICTS[lang],
    date: (iso: string) => formatDate(lang, iso),
    caseType: (c: string) => labelOf(CASE_TYPE_LABELS, lang, c),
    caseState: (c: string) => labelOf(CASE_STATE_LABELS, lang, c),
    caseAction: (c: string) => labelOf(CASE_ACTION_LABELS, lang, c),
    label: (table: Parameters<typeof labelOf>[0], c: string) => labelOf(table, lang, c),
  } as unknown as I18n;
}

const base: AppNotification = {
  id: 1,
  caseId: 'c1',
  kind: 'state_changed',
  message: 'case PC-420100-2026-000001: accept (submitted → accepted)',
  data: null,
  onDate: '2026-03-03',
  createdAt: '2026-03-03T02:00:00.000Z',
  readAt: null,
};
const number = 'PC-420100-2026-000001';

describe('notifications worded in the reader’s language', () => {
  it('words an action, a new case, an extension and a deadline notice from their data', () => {
    const action = {
      ...base,
      data: { event: 'action' as const, number, action: 'accept', from: 'submitted', to: 'accepted' },
    };
    expect(notificationText(action, i18n('zh'))).toBe(`案件 ${number}：受理（已提交 → 已受理）`);
    expect(notificationText(action, i18n('en'))).toBe(`Case ${number}: accept (submitted → accepted)`);

    const created = {
      ...base,
      data: {
        event: 'created' as const,
        number,
        type: 'mediation',
        organisation: '武汉光谷测试激光有限公司',
      },
    };
    expect(notificationText(created, i18n('zh'))).toBe(
      `武汉光谷测试激光有限公司提交了纠纷调解案件 ${number}`,
    );
    expect(notificationText(created, i18n('en'))).toMatch(
      new RegExp(`^New .*mediation case ${number} from 武汉`),
    );

    const extension = {
      ...base,
      data: { event: 'extension' as const, number, limit: 'handling', days: 5, reason: '材料较多' },
    };
    expect(notificationText(extension, i18n('zh'))).toBe(`案件 ${number}：办理期限延长 5 天（材料较多）`);
    expect(notificationText(extension, i18n('en'))).toBe(
      `Case ${number}: 5 more days for handling (材料较多)`,
    );

    const deadline = {
      ...base,
      kind: 'overdue',
      data: {
        event: 'deadline' as const,
        number,
        deadlines: [
          { limit: 'intake', due: '2026-03-10', left: 0, unit: 'working_days', status: 'overdue' },
          { limit: 'handling', due: '2026-04-20', left: 3, unit: 'working_days', status: 'due_soon' },
        ],
      },
    };
    expect(notificationText(deadline, i18n('zh'))).toBe(
      `案件 ${number}：受理审查期限 ${formatDate('zh', '2026-03-10')} 已过；办理期限 ${formatDate('zh', '2026-04-20')}，还剩 3 个工作日`,
    );
    expect(notificationText(deadline, i18n('en'))).toContain('intake deadline');
    expect(notificationText(deadline, i18n('en'))).toContain('3 working days left');
  });

  it('shows the server’s message for a notification without data (written before there was any)', () => {
    expect(notificationText(base, i18n('zh'))).toBe(base.message);
  });
});
