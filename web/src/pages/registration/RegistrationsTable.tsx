import { Table, type TableColumnsType, Tag } from 'antd';
import { type Registration, type RegistrationStatus, registrationFields } from '../../api/cases.js';
import { centerName } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { REGISTRATION_STATUS_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';

const COLORS: Record<RegistrationStatus, string> = {
  applied: 'processing',
  approved: 'success',
  refused: 'error',
  expired: 'default',
};

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="registration-status" data-status={status}>
      {label(REGISTRATION_STATUS_LABELS, status)}
    </Tag>
  );
}

/** Registrations with their center, field and status; `extra` adds columns (the officer's decision). */
export function RegistrationsTable({
  rows,
  loading,
  extra = [],
}: {
  rows: Registration[];
  loading: boolean;
  extra?: TableColumnsType<Registration>;
}) {
  const { t, lang, date } = useI18n();
  const { byId } = useCenters();
  return (
    <Table<Registration>
      size="small"
      rowKey="id"
      pagination={false}
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t.noRegistrations }}
      data-testid="registrations-table"
      columns={[
        {
          title: t.center,
          dataIndex: 'centerId',
          render: (_, r) => centerName(byId.get(r.centerId), lang) || r.centerId,
        },
        { title: t.organisation, dataIndex: 'organisation' },
        { title: t.creditCode, dataIndex: 'creditCode', responsive: ['lg'] },
        { title: t.regionCode, dataIndex: 'regionCode', responsive: ['md'] },
        {
          title: `${t.ipc} / ${t.locarno}`,
          dataIndex: 'ipc',
          render: (_, r) => {
            const f = registrationFields(r);
            return [...f.ipc, ...f.locarno.map((l) => `LOC ${l}`)].join(', ');
          },
        },
        {
          title: t.registrationStatus,
          dataIndex: 'status',
          render: (_, r) => (
            <>
              <RegistrationStatusTag status={r.status} />
              {r.reason && <div className="muted wrap-anywhere">{r.reason}</div>}
            </>
          ),
        },
        {
          title: t.decidedAt,
          dataIndex: 'decidedAt',
          render: (_, r) => date(registrationFields(r).decidedAt),
        },
        {
          title: t.expiresAt,
          dataIndex: 'expiresAt',
          render: (_, r) => date(registrationFields(r).expiresAt),
        },
        ...extra,
      ]}
    />
  );
}
