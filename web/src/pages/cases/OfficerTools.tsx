import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CaseView, LimitId, User } from '../../api/cases.js';
import { sendJson } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth.js';
import { LIMIT_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';
import type { Write } from './useWrite.js';

interface ExtensionValues {
  limit?: LimitId;
  days: number;
  reason: string;
}

/** Officers and administrators: extend a deadline (with a reason) and assign the case's officer. */
export function OfficerTools({ view, write, refresh }: { view: CaseView; write: Write; refresh(): void }) {
  const { t, label } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<ExtensionValues>();
  const [officerId, setOfficerId] = useState<number | null>(null);
  const c = view.case;
  const path = `/api/cases/${encodeURIComponent(c.id)}`;
  // The center's officers who can sign in (listed to its officers and to administrators).
  const colleagues = useApi<{ items: Pick<User, 'id' | 'login' | 'displayName'>[] }>(
    `/api/centers/${encodeURIComponent(c.centerId)}/officers`,
    {},
    { fresh: true },
  );
  const officers = colleagues.data?.items ?? [];
  const limits = [...new Set(view.deadlines.map((d) => d.limit))];

  const extend = (v: ExtensionValues) =>
    write.run(
      () =>
        sendJson('POST', `${path}/extensions`, {
          ...(v.limit ? { limit: v.limit } : {}),
          days: v.days,
          reason: v.reason.trim(),
          version: c.version,
        }),
      () => {
        form.resetFields();
        refresh();
      },
    );
  const assign = (id: number) =>
    write.run(() => sendJson('PATCH', path, { officerId: id, version: c.version }), refresh);

  return (
    <div className="panels">
      <div data-testid="extension-form">
        <Typography.Title level={5}>{t.extension}</Typography.Title>
        <Form<ExtensionValues> form={form} layout="vertical" onFinish={extend} initialValues={{ days: 5 }}>
          {limits.length > 1 && (
            <Form.Item name="limit" label={t.limit}>
              <Select allowClear options={limits.map((l) => ({ value: l, label: label(LIMIT_LABELS, l) }))} />
            </Form.Item>
          )}
          <Form.Item
            name="days"
            label={t.extensionDays}
            rules={[{ required: true, message: t.fieldRequired }]}
          >
            <InputNumber min={1} max={366} precision={0} data-testid="extension-days" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t.extensionReason}
            rules={[{ required: true, whitespace: true, message: t.extensionReasonRequired }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="extension-reason" />
          </Form.Item>
          <Button htmlType="submit" loading={write.busy} data-testid="extension-submit">
            {t.extend}
          </Button>
        </Form>
      </div>
      <div data-testid="assign-form">
        <Typography.Title level={5}>{t.assignOfficer}</Typography.Title>
        <Space wrap>
          {auth.is('officer') && auth.user && c.officerId !== auth.user.id && (
            <Button
              onClick={() => auth.user && void assign(auth.user.id)}
              loading={write.busy}
              data-testid="assign-me"
            >
              {t.assignToMe}
            </Button>
          )}
          {officers.length > 0 ? (
            <Select<number>
              style={{ minWidth: 220 }}
              placeholder={t.officer}
              value={officerId ?? undefined}
              onChange={setOfficerId}
              options={officers.map((u) => ({ value: u.id, label: `${u.displayName} (${u.login})` }))}
            />
          ) : (
            <InputNumber<number>
              min={1}
              precision={0}
              placeholder={t.officerId}
              value={officerId}
              onChange={(v) => setOfficerId(v)}
              style={{ width: 180 }}
            />
          )}
          <Button disabled={officerId === null} onClick={() => officerId !== null && void assign(officerId)}>
            {t.assign}
          </Button>
        </Space>
      </div>
    </div>
  );
}
