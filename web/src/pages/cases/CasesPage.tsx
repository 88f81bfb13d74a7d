import {
  Button,
  Card,
  Checkbox,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_TYPES, type CaseSummary, type CaseType } from '../../api/cases.js';
import { usePages } from '../../api/usePages.js';
import { useAuth } from '../../auth.js';
import { DeadlineTag } from '../../cases/DeadlineTag.js';
import { ALL_STATES, centerName, STATES_BY_TYPE } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Guard } from '../../components/Guard.js';
import { useI18n } from '../../lang.js';

const PAGE = 100;

/** Officers: their center's inbox as a table or a board; enterprises: their own cases. */
export default function CasesPage() {
  return (
    <Guard permissions={['cases:read']}>
      <Cases />
    </Guard>
  );
}

function isCaseType(s: string | null): s is CaseType {
  return !!s && (CASE_TYPES as readonly string[]).includes(s);
}

function Cases() {
  const { t, lang, caseType, caseState } = useI18n();
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const { byId } = useCenters();
  const type = params.get('type');
  const state = params.get('state');
  const status = params.get('status');
  const mine = params.get('mine') === 'true';
  const view = params.get('view') === 'board' ? 'board' : 'table';
  const enterprise = auth.is('enterprise');
  const query = useMemo(
    () => ({
      type: isCaseType(type) ? type : null,
      state,
      status: status === 'overdue' || status === 'due_soon' ? status : null,
      mine: mine ? 'true' : null,
      limit: PAGE,
    }),
    [type, state, status, mine],
  );
  const pages = usePages<CaseSummary>('/api/cases', query, { fresh: true });

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const states = isCaseType(type) ? STATES_BY_TYPE[type] : ALL_STATES;
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t.caseNumber,
      dataIndex: 'number',
      render: (_, c) => (
        <Link to={`/cases/${encodeURIComponent(c.id)}`} data-testid="case-link">
          {c.number}
        </Link>
      ),
    },
    { title: t.caseType, dataIndex: 'type', render: (_, c) => caseType(c.type) },
    {
      title: t.caseState,
      dataIndex: 'state',
      render: (_, c) => <Tag data-testid="case-state">{caseState(c.state)}</Tag>,
    },
    ...(enterprise ? [] : [{ title: t.applicant, dataIndex: 'organisation' }]),
    ...(auth.user?.centerId
      ? []
      : [
          {
            title: t.center,
            dataIndex: 'centerId',
            render: (_: unknown, c: CaseSummary) => centerName(byId.get(c.centerId), lang) || c.centerId,
            responsive: ['lg' as const],
          },
        ]),
    {
      title: t.dueDate,
      dataIndex: 'due',
      render: (_, c) => <DeadlineTag due={c.due} status={c.deadlineStatus} />,
    },
    {
      title: t.submittedAt,
      dataIndex: 'submittedAt',
      render: (_, c) => c.submittedAt.slice(0, 10),
      responsive: ['md'],
    },
  ];

  return (
    <div data-testid="cases-page">
      <div className="case-head">
        <Typography.Title level={3} style={{ flex: 1 }}>
          {enterprise ? t.myCasesTitle : t.casesInbox}
        </Typography.Title>
        {auth.can('cases:write') && (
          <Link to="/cases/new">
            <Button type="primary" data-testid="new-case">
              {t.navNewCase}
            </Button>
          </Link>
        )}
      </div>
      <div className="filters">
        <Segmented
          value={view}
          onChange={(v) => set('view', v === 'board' ? 'board' : null)}
          options={[
            { value: 'table', label: t.viewTable },
            { value: 'board', label: t.viewBoard },
          ]}
          data-testid="view-switch"
        />
        <Select
          allowClear
          placeholder={t.anyType}
          value={isCaseType(type) ? type : undefined}
          onChange={(v?: string) => set('type', v ?? null)}
          options={CASE_TYPES.map((c) => ({ value: c, label: caseType(c) }))}
          data-testid="filter-type"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.anyState}
          value={state ?? undefined}
          onChange={(v?: string) => set('state', v ?? null)}
          options={states.map((s) => ({ value: s, label: caseState(s) }))}
          data-testid="filter-state"
        />
        <Select
          allowClear
          placeholder={t.anyDeadline}
          value={status ?? undefined}
          onChange={(v?: string) => set('status', v ?? null)}
          options={[
            { value: 'overdue', label: t.overdueOnly },
            { value: 'due_soon', label: t.dueSoonOnly },
          ]}
          data-testid="filter-status"
        />
        {auth.is('officer', 'admin') && (
          <Checkbox checked={mine} onChange={(e) => set('mine', e.target.checked ? 'true' : null)}>
            {t.mineOnly}
          </Checkbox>
        )}
      </div>
      {pages.error ? (
        <ErrorNotice error={pages.error} />
      ) : view === 'board' ? (
        <Board
          rows={pages.rows}
          states={isCaseType(type) ? STATES_BY_TYPE[type] : null}
          loading={pages.loading}
        />
      ) : (
        <Table<CaseSummary>
          data-testid="cases-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={pages.rows}
          loading={pages.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.noCases }}
        />
      )}
      {pages.hasMore && (
        <Button block onClick={pages.more} loading={pages.loading} style={{ marginTop: 12 }}>
          {t.loadMore}
        </Button>
      )}
    </div>
  );
}

/** One column per state (the type's states, or those the cases are in), a card per case. */
function Board({
  rows,
  states,
  loading,
}: {
  rows: CaseSummary[];
  states: readonly string[] | null;
  loading: boolean;
}) {
  const { t, caseType, caseState } = useI18n();
  const byState = new Map<string, CaseSummary[]>();
  for (const c of rows) byState.set(c.state, [...(byState.get(c.state) ?? []), c]);
  const columns = states ?? ALL_STATES.filter((s) => byState.has(s));
  const others = [...byState.keys()].filter((s) => !columns.includes(s));
  if (!loading && rows.length === 0) return <p className="muted">{t.noCases}</p>;
  return (
    <div className="board" data-testid="cases-board">
      {[...columns, ...others].map((s) => (
        <div className="board-column" key={s} data-testid="board-column" data-state={s}>
          <h4>
            <span>{caseState(s)}</span>
            <span className="muted">{byState.get(s)?.length ?? 0}</span>
          </h4>
          {(byState.get(s) ?? []).map((c) => (
            <Card size="small" className="board-card" key={c.id}>
              <Link to={`/cases/${encodeURIComponent(c.id)}`} data-testid="case-link">
                {c.number}
              </Link>
              <div className="muted">{caseType(c.type)}</div>
              <div className="wrap-anywhere">{c.organisation}</div>
              <DeadlineTag due={c.due} status={c.deadlineStatus} />
            </Card>
          ))}
        </div>
      ))}
    </div>
  );
}
