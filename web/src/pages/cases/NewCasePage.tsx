import { Alert, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  CASE_TYPES,
  type CaseType,
  type NewCaseAnswer,
  type Registration,
  registrationFields,
} from '../../api/cases.js';
import { ApiError, sendJson } from '../../api/client.js';
import { KINDS } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth.js';
import { centerName, chinaToday } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Guard } from '../../components/Guard.js';
import { MATTER_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';

interface Values {
  type: CaseType;
  centerId: string;
  title: string;
  description?: string;
  otherParty?: string;
  rightNumbers?: string[];
  matter?: string;
  ipc?: string;
  platform?: string;
  listingUrl?: string;
  country?: string;
  organisation?: string;
  creditCode?: string;
  email?: string;
}

/** Which of the form's type-specific fields each case type asks for. */
const FIELDS: Record<
  CaseType,
  { otherParty?: 'required' | 'optional'; rights?: boolean; extra: (keyof Values)[] }
> = {
  pre_examination: { rights: true, extra: ['ipc'] },
  rights_protection: { otherParty: 'required', rights: true, extra: ['matter'] },
  mediation: { otherParty: 'required', rights: true, extra: [] },
  ecommerce_takedown: { otherParty: 'optional', rights: true, extra: ['platform', 'listingUrl'] },
  overseas_guidance: { otherParty: 'optional', rights: true, extra: ['country'] },
  consultation: { extra: [] },
};

/** Enterprises file a case with a center; the applicant's lookup code is shown once, after filing. */
export default function NewCasePage() {
  return (
    <Guard permissions={['cases:write']}>
      <NewCase />
    </Guard>
  );
}

function NewCase() {
  const { t, lang, caseType, label } = useI18n();
  const auth = useAuth();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const { centers, error: centersError } = useCenters();
  const registrations = useApi<Registration[]>(
    auth.is('enterprise') ? '/api/registrations' : null,
    {},
    { fresh: true },
  );
  const [filed, setFiled] = useState<NewCaseAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('type', form);
  const centerId = Form.useWatch('centerId', form);

  if (filed) return <Filed answer={filed} onAnother={() => setFiled(null)} />;
  if (centersError) return <ErrorNotice error={centersError} />;

  // Centers where the enterprise's registration is approved and still valid today.
  const today = chinaToday();
  const approved = new Set(
    (registrations.data ?? [])
      .filter((r) => r.status === 'approved' && (registrationFields(r).expiresAt ?? '9999') > today)
      .map((r) => r.centerId),
  );
  const center = centers.find((c) => c.id === centerId);
  const onBehalf = !auth.is('enterprise');
  const fields = type ? FIELDS[type] : null;
  const typeOptions = CASE_TYPES.filter((c) => !center || center.services.includes(c));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const lines = [
      v.description?.trim(),
      v.ipc?.trim() && `${t.applicationIpc}: ${v.ipc.trim()}`,
      v.platform?.trim() && `${t.platform}: ${v.platform.trim()}`,
      v.listingUrl?.trim() && `${t.listingUrl}: ${v.listingUrl.trim()}`,
      v.country?.trim() && `${t.overseasCountry}: ${v.country.trim()}`,
    ].filter(Boolean);
    const matter =
      v.matter === 'counterfeit' ? { counterfeit: true } : v.matter ? { rightKind: v.matter } : undefined;
    try {
      const answer = await sendJson<NewCaseAnswer>('POST', '/api/cases', {
        type: v.type,
        centerId: v.centerId,
        title: v.title.trim(),
        description: lines.join('\n'),
        ...(v.otherParty?.trim() ? { otherParty: v.otherParty.trim() } : {}),
        ...(v.rightNumbers?.length
          ? { rightNumbers: v.rightNumbers.map((n) => n.trim()).filter(Boolean) }
          : {}),
        ...(matter ? { matter } : {}),
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        // Officers and administrators file on behalf of an enterprise, which they name.
        ...(onBehalf
          ? { organisation: v.organisation?.trim(), creditCode: v.creditCode?.trim().toUpperCase() }
          : {}),
      });
      setFiled(answer);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };

  const initialType = params.get('type');
  return (
    <div data-testid="new-case-page">
      <Typography.Title level={3}>{t.newCaseTitle}</Typography.Title>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            type: (CASE_TYPES as readonly string[]).includes(initialType ?? '')
              ? initialType
              : 'pre_examination',
            centerId: params.get('center') ?? auth.user?.centerId ?? undefined,
          }}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="centerId" label={t.center} rules={[{ required: true, message: t.fieldRequired }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="case-center"
              options={centers.map((c) => ({
                value: c.id,
                label: `${centerName(c, lang)}${approved.has(c.id) ? ' ✓' : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="type" label={t.caseType} rules={[{ required: true, message: t.fieldRequired }]}>
            <Select
              data-testid="case-type"
              options={typeOptions.map((c) => ({ value: c, label: caseType(c) }))}
            />
          </Form.Item>
          {onBehalf && (
            <>
              <Form.Item
                name="organisation"
                label={t.organisation}
                rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="creditCode"
                label={t.creditCode}
                rules={[{ required: true, message: t.fieldRequired }]}
              >
                <Input maxLength={18} />
              </Form.Item>
            </>
          )}
          {type === 'pre_examination' && (
            <Alert
              type={centerId && approved.has(centerId) ? 'success' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              title={t.registrationRequired}
              action={
                <Link to="/registration">
                  <Button size="small">{t.navRegistration}</Button>
                </Link>
              }
            />
          )}
          <Form.Item
            name="title"
            label={t.caseTitle}
            rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
          >
            <Input maxLength={200} data-testid="case-title" />
          </Form.Item>
          <Form.Item name="description" label={t.description}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="case-description" />
          </Form.Item>
          {fields?.otherParty && (
            <Form.Item
              name="otherParty"
              label={t.otherParty}
              rules={
                fields.otherParty === 'required'
                  ? [{ required: true, whitespace: true, message: t.fieldRequired }]
                  : []
              }
            >
              <Input maxLength={300} data-testid="case-other-party" />
            </Form.Item>
          )}
          {fields?.extra.includes('matter') && (
            <Form.Item name="matter" label={t.matter}>
              <Select
                allowClear
                options={[...KINDS, 'counterfeit'].map((k) => ({ value: k, label: label(MATTER_LABELS, k) }))}
              />
            </Form.Item>
          )}
          {fields?.extra.includes('ipc') && (
            <Form.Item name="ipc" label={t.applicationIpc}>
              <Input placeholder="H01L 33/00" maxLength={100} data-testid="case-ipc" />
            </Form.Item>
          )}
          {fields?.extra.includes('platform') && (
            <Form.Item
              name="platform"
              label={t.platform}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {fields?.extra.includes('listingUrl') && (
            <Form.Item
              name="listingUrl"
              label={t.listingUrl}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <Input maxLength={500} placeholder="https://" />
            </Form.Item>
          )}
          {fields?.extra.includes('country') && (
            <Form.Item
              name="country"
              label={t.overseasCountry}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          )}
          {fields?.rights && (
            <Form.Item name="rightNumbers" label={t.rightNumbers} extra={t.rightNumbersHint}>
              <Select mode="tags" open={false} tokenSeparators={[',', ' ', '，']} data-testid="case-rights" />
            </Form.Item>
          )}
          <Form.Item
            name="email"
            label={t.email}
            extra={t.emailHint}
            rules={[{ type: 'email', message: t.email }]}
          >
            <Input maxLength={254} autoComplete="email" />
          </Form.Item>
          {error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorNotice error={error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="case-submit">
            {t.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

function Filed({ answer, onAnother }: { answer: NewCaseAnswer; onAnother(): void }) {
  const { t } = useI18n();
  return (
    <Result
      status="success"
      title={t.caseFiled}
      data-testid="case-filed"
      subTitle={
        <div>
          <p>
            {t.caseNumber}: <strong data-testid="filed-number">{answer.case.number}</strong>
          </p>
          <p>
            {t.publicCode}:{' '}
            <Typography.Text copyable className="public-code" data-testid="public-code">
              {answer.publicCode}
            </Typography.Text>
          </p>
          <Alert type="warning" showIcon title={t.publicCodeOnce} />
        </div>
      }
      extra={[
        <Link key="open" to={`/cases/${encodeURIComponent(answer.case.id)}`} data-testid="open-filed-case">
          <Button type="primary">{t.openCase}</Button>
        </Link>,
        <Link key="status" to={`/status?number=${encodeURIComponent(answer.case.number)}`}>
          <Button>{t.navStatus}</Button>
        </Link>,
        <Button key="again" onClick={onAnother}>
          {t.newCaseTitle}
        </Button>,
      ]}
    />
  );
}
