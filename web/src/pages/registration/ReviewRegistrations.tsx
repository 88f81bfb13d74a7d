import { Button, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Registration, RegistrationStatus } from '../../api/cases.js';
import { sendJson } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth.js';
import { centerName } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { REGISTRATION_STATUS_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';
import { useWrite } from '../cases/useWrite.js';
import { RegistrationsTable } from './RegistrationsTable.js';

const STATUSES: RegistrationStatus[] = ['applied', 'approved', 'refused', 'expired'];

/** Officers (their center) and administrators decide the applications: approve, or refuse with a reason. */
export function ReviewRegistrations() {
  const { t, lang, label } = useI18n();
  const auth = useAuth();
  const { centers } = useCenters();
  const [params, setParams] = useSearchParams();
  // The filters live in the URL: ?status=approved, ?status=all, ?center=pc-wuhan.
  const status = STATUSES.find((s) => s === (params.get('status') ?? 'applied'));
  const center = params.get('center') ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    next.set(key, value ?? (key === 'status' ? 'all' : ''));
    if (!next.get(key)) next.delete(key);
    setParams(next, { replace: true });
  };
  const [reload, setReload] = useState(0);
  const write = useWrite();
  const list = useApi<Registration[]>(
    '/api/registrations',
    { status, center: auth.user?.centerId ?? center },
    { fresh: true, reload },
  );
  const refresh = () => {
    write.clear();
    setReload((n) => n + 1);
  };
  return (
    <div data-testid="registrations-review">
      <Typography.Title level={3}>{t.registrationsTitle}</Typography.Title>
      <div className="filters">
        <Select
          allowClear
          placeholder={t.registrationStatus}
          value={status}
          onChange={(v?: RegistrationStatus) => set('status', v)}
          options={STATUSES.map((s) => ({ value: s, label: label(REGISTRATION_STATUS_LABELS, s) }))}
          data-testid="registration-filter"
        />
        {!auth.user?.centerId && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.allCenters}
            value={center}
            onChange={(v?: string) => set('center', v)}
            options={centers.map((c) => ({ value: c.id, label: centerName(c, lang) }))}
          />
        )}
      </div>
      {write.conflict && <ErrorNotice error={new Error(`${t.conflictTitle}. ${t.conflictDetail}`)} />}
      {write.error && <ErrorNotice error={write.error} />}
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : (
        <RegistrationsTable
          rows={list.data ?? []}
          loading={list.loading && !list.data}
          extra={[
            {
              title: t.actions,
              key: 'decide',
              render: (_, r) =>
                r.status === 'applied' ? <Decide registration={r} write={write} done={refresh} /> : null,
            },
          ]}
        />
      )}
    </div>
  );
}

function Decide({
  registration,
  write,
  done,
}: {
  registration: Registration;
  write: ReturnType<typeof useWrite>;
  done(): void;
}) {
  const { t } = useI18n();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const decide = (decision: 'approve' | 'refuse') =>
    write.run(
      () =>
        sendJson('POST', `/api/registrations/${encodeURIComponent(registration.id)}/decision`, {
          decision,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          version: registration.version,
        }),
      done,
    );
  return (
    <Space wrap>
      <Button
        type="primary"
        size="small"
        loading={write.busy}
        onClick={() => void decide('approve')}
        data-testid="approve"
      >
        {t.approve}
      </Button>
      {refusing ? (
        <>
          <Input
            size="small"
            placeholder={t.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button danger size="small" disabled={!reason.trim()} onClick={() => void decide('refuse')}>
            {t.refuse}
          </Button>
        </>
      ) : (
        <Button danger size="small" onClick={() => setRefusing(true)}>
          {t.refuse}
        </Button>
      )}
    </Space>
  );
}
