import { Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PublicStatus } from '../api/cases.js';
import { ApiError, getFresh } from '../api/client.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useI18n } from '../lang.js';

interface Values {
  number: string;
  code: string;
}

/** The public status lookup: a case's number and the applicant's code give its state and dates, no more. */
export default function StatusPage() {
  const { t, date, caseType, caseState } = useI18n();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const lookUp = async (v: Values) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(
        await getFresh<PublicStatus>('/api/case-status', { number: v.number.trim(), code: v.code.trim() }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="status-page">
      <Typography.Title level={3}>{t.statusTitle}</Typography.Title>
      <Typography.Paragraph className="muted">{t.statusIntro}</Typography.Paragraph>
      <div className="panels">
        <Card size="small">
          <Form<Values>
            layout="vertical"
            onFinish={lookUp}
            initialValues={{ number: params.get('number') ?? '', code: '' }}
          >
            <Form.Item
              name="number"
              label={t.caseNumber}
              rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
            >
              <Input maxLength={40} data-testid="status-number" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t.publicCode}
              rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
            >
              <Input maxLength={40} autoComplete="off" data-testid="status-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="status-submit">
              {t.lookup}
            </Button>
          </Form>
        </Card>
        {(status || error) && (
          <Card size="small" data-testid="status-result">
            {error && <ErrorNotice error={error} />}
            {status && (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'number', label: t.caseNumber, children: status.number },
                  { key: 'type', label: t.caseType, children: caseType(status.type) },
                  {
                    key: 'state',
                    label: t.caseState,
                    children: (
                      <span data-testid="status-state" data-state={status.state}>
                        {caseState(status.state)}
                      </span>
                    ),
                  },
                  { key: 'submitted', label: t.submittedAt, children: date(status.submittedAt) },
                  { key: 'due', label: t.dueDate, children: date(status.due) },
                  { key: 'closed', label: t.closedAt, children: date(status.closedAt) },
                ]}
              />
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
