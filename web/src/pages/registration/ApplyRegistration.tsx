import { App, Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Registration } from '../../api/cases.js';
import { ApiError, sendJson } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth.js';
import { centerName, industryName } from '../../cases/model.js';
import { RegionPicker } from '../../cases/RegionPicker.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { CENTER_KIND_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';
import { RegistrationsTable } from './RegistrationsTable.js';

interface Values {
  centerId: string;
  organisation: string;
  creditCode: string;
  regionCode: string;
  ipc?: string[];
  locarno?: string[];
}

/** An enterprise applies to register with a center (its area and field must fit) and follows the answer. */
export function ApplyRegistration() {
  const { t, lang, label, caseType } = useI18n();
  const auth = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { centers, byId } = useCenters();
  const list = useApi<Registration[]>('/api/registrations', {}, { fresh: true, reload });
  const centerId = Form.useWatch('centerId', form);
  const center = centerId ? byId.get(centerId) : undefined;
  const suggestIpc = [...new Set(center?.industries.flatMap((i) => i.ipc) ?? [])];
  const suggestLocarno = [...new Set(center?.industries.flatMap((i) => i.locarno) ?? [])];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await sendJson<Registration>('POST', '/api/registrations', {
        centerId: v.centerId,
        organisation: v.organisation.trim(),
        creditCode: v.creditCode.trim().toUpperCase(),
        regionCode: v.regionCode,
        ipc: (v.ipc ?? []).map((s) => s.trim().toUpperCase()),
        locarno: (v.locarno ?? []).map((s) => s.trim()),
      });
      void message.success(t.appliedOk);
      setReload((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="registration-page">
      <Typography.Title level={3}>{t.registrationTitle}</Typography.Title>
      <Card size="small" title={t.registrationStatus} style={{ marginBottom: 12 }}>
        {list.error ? (
          <ErrorNotice error={list.error} />
        ) : (
          <RegistrationsTable rows={list.data ?? []} loading={list.loading && !list.data} />
        )}
      </Card>
      <div className="panels">
        <Card size="small" title={t.apply}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{
              organisation: auth.user?.organisation ?? '',
              creditCode: auth.user?.creditCode ?? '',
            }}
          >
            <Form.Item
              name="centerId"
              label={t.center}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="registration-center"
                options={centers.map((c) => ({ value: c.id, label: centerName(c, lang) }))}
              />
            </Form.Item>
            <Form.Item
              name="organisation"
              label={t.organisation}
              rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
            >
              <Input maxLength={200} readOnly={auth.is('enterprise')} />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t.creditCode}
              rules={[
                { required: true, message: t.fieldRequired },
                { pattern: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/i, message: t.creditCode },
              ]}
            >
              <Input maxLength={18} readOnly={auth.is('enterprise')} />
            </Form.Item>
            <Form.Item
              name="regionCode"
              label={t.regionCode}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <RegionPicker testId="registration-region" />
            </Form.Item>
            <Form.Item
              name="ipc"
              label={t.ipcField}
              dependencies={['locarno']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value?: string[]) =>
                    value?.length || (getFieldValue('locarno') as string[] | undefined)?.length
                      ? Promise.resolve()
                      : Promise.reject(new Error(t.ipcOrLocarno)),
                }),
              ]}
            >
              <Select
                mode="tags"
                tokenSeparators={[',', ' ', '，']}
                placeholder="H01L"
                options={suggestIpc.map((c) => ({ value: c, label: c }))}
                data-testid="registration-ipc"
              />
            </Form.Item>
            <Form.Item name="locarno" label={t.locarnoField}>
              <Select
                mode="tags"
                tokenSeparators={[',', ' ', '，']}
                placeholder="14"
                options={suggestLocarno.map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
            {error && (
              <div style={{ marginBottom: 16 }}>
                <ErrorNotice error={error} />
              </div>
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="registration-submit">
              {t.apply}
            </Button>
          </Form>
        </Card>
        {center && (
          <Card size="small" title={centerName(center, lang)} data-testid="center-card">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'kind', label: t.centerKind, children: label(CENTER_KIND_LABELS, center.kind) },
                { key: 'city', label: t.cityCode, children: center.area ?? center.city },
                {
                  key: 'industries',
                  label: t.centerIndustries,
                  children: (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {center.industries.map((i) => (
                        <li key={industryName(i, 'zh')}>
                          {industryName(i, lang)}:{' '}
                          {[...i.ipc, ...i.locarno.map((l) => `LOC ${l}`)].join(', ')}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { key: 'services', label: t.services, children: center.services.map(caseType).join('、') },
              ]}
            />
          </Card>
        )}
      </div>
    </div>
  );
}
