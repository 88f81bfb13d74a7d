import { Button, Card, DatePicker, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type CaseReport,
  closedOf,
  REPORT_PERIODS,
  type ReportPeriod,
  type ReportRow,
} from '../api/cases.js';
import { apiUrl } from '../api/client.js';
import { useApi } from '../api/useApi.js';
import { useAuth } from '../auth.js';
import { centerName, chinaToday } from '../cases/model.js';
import { useCenters } from '../cases/useCenters.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/echarts.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Guard } from '../components/Guard.js';
import { isIsoDate } from '../dates.js';
import { REPORT_PERIOD_LABELS } from '../i18n.js';
import { useI18n } from '../lang.js';

/** Cases received and closed per center and type in a period, with processing times and rates. */
export default function CaseReportsPage() {
  return (
    <Guard permissions={['cases:report']}>
      <CaseReports />
    </Guard>
  );
}

function CaseReports() {
  const { t, lang, num, caseType, label } = useI18n();
  const auth = useAuth();
  const { centers, byId } = useCenters();
  const [params, setParams] = useSearchParams();
  const today = chinaToday();
  const from = isIsoDate(params.get('from')) ? params.get('from')! : `${today.slice(0, 4)}-01-01`;
  const to = isIsoDate(params.get('to')) ? params.get('to')! : today;
  const ownCenter = auth.user?.centerId ?? null;
  const center = ownCenter ?? params.get('center');
  const by: ReportPeriod = REPORT_PERIODS.find((p) => p === params.get('by')) ?? 'total';
  const query = { from, to, center, by: by === 'total' ? null : by };
  const year = Number(today.slice(0, 4));
  const presets = [year, year - 1, year - 2, year - 3].flatMap((y) => [
    { value: `${y}-01-01..${y}-06-30`, label: `${y} ${t.firstHalf}` },
    { value: `${y}-07-01..${y}-12-31`, label: `${y} ${t.secondHalf}` },
    { value: `${y}-01-01..${y}-12-31`, label: `${y} ${t.fullYear}` },
  ]);
  const report = useApi<CaseReport>('/api/case-reports', query, { fresh: true });
  const set = (values: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const rows = report.data?.rows ?? [];
  const nameOf = (r: { centerId: string; centerName?: string }) =>
    centerName(byId.get(r.centerId), lang) || r.centerName || r.centerId;
  const perCenter = useMemo(() => {
    const m = new Map<string, { centerId: string; received: number; closed: number }>();
    for (const r of rows) {
      const c = m.get(r.centerId) ?? { centerId: r.centerId, received: 0, closed: 0 };
      c.received += r.received;
      c.closed += closedOf(r);
      m.set(r.centerId, c);
    }
    return [...m.values()];
  }, [rows]);
  const totals = report.data?.totals;
  const received = totals?.received ?? perCenter.reduce((s, c) => s + c.received, 0);
  const closed = totals ? closedOf(totals) : perCenter.reduce((s, c) => s + c.closed, 0);

  const option = useMemo<ChartOption | null>(() => {
    if (!perCenter.length) return null;
    const names = perCenter.map((c) => centerName(byId.get(c.centerId), lang) || c.centerId);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { data: [t.received, t.closed], top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names, axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t.received,
          data: perCenter.map((c) => c.received),
          itemStyle: { color: '#1d5fa8' },
          barMaxWidth: 20,
        },
        {
          type: 'bar',
          name: t.closed,
          data: perCenter.map((c) => c.closed),
          itemStyle: { color: '#52c41a' },
          barMaxWidth: 20,
        },
      ],
    };
  }, [perCenter, byId, lang, t.received, t.closed]);

  const pct = (v: number | null) => (v === null ? '–' : `${num(v * 100, 1)}%`);
  const days = (v: number | null) => (v === null ? '–' : num(v, 1));
  const download = (format: 'csv' | 'xlsx') => apiUrl('/api/case-reports', { ...query, format });

  return (
    <div data-testid="case-reports-page">
      <Typography.Title level={3}>{t.caseReportsTitle}</Typography.Title>
      <div className="filters">
        <Select
          placeholder={t.period}
          value={presets.find((p) => p.value === `${from}..${to}`)?.value ?? null}
          onChange={(v: string) => {
            const [f, e] = v.split('..');
            set({ from: f ?? null, to: e ?? null });
          }}
          options={presets}
          data-testid="report-preset"
        />
        <Space>
          {t.from}
          <DatePicker
            value={dayjs(from)}
            allowClear={false}
            onChange={(d) => d && set({ from: d.format('YYYY-MM-DD') })}
            data-testid="report-from"
          />
        </Space>
        <Space>
          {t.to}
          <DatePicker
            value={dayjs(to)}
            allowClear={false}
            onChange={(d) => d && set({ to: d.format('YYYY-MM-DD') })}
            data-testid="report-to"
          />
        </Space>
        {!ownCenter && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.allCenters}
            value={center ?? undefined}
            onChange={(v?: string) => set({ center: v ?? null })}
            options={centers.map((c) => ({ value: c.id, label: centerName(c, lang) }))}
            style={{ minWidth: 260 }}
            data-testid="report-center"
          />
        )}
        <Select
          value={by}
          onChange={(v: ReportPeriod) => set({ by: v === 'total' ? null : v })}
          options={REPORT_PERIODS.map((p) => ({ value: p, label: label(REPORT_PERIOD_LABELS, p) }))}
          data-testid="report-by"
        />
        <a href={download('csv')} data-testid="report-csv">
          <Button>{t.downloadCsv}</Button>
        </a>
        <a href={download('xlsx')} data-testid="report-xlsx">
          <Button>{t.downloadXlsx}</Button>
        </a>
      </div>
      {report.error ? (
        <ErrorNotice error={report.error} />
      ) : (
        <>
          <div className="kpis">
            <Card size="small">
              <Statistic
                title={t.received}
                value={received}
                loading={report.loading}
                data-testid="report-received"
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t.closed}
                value={closed}
                loading={report.loading}
                data-testid="report-closed"
              />
            </Card>
            {totals && (
              <>
                <Card size="small">
                  <Statistic title={t.onTimeRate} value={pct(totals.onTimeRate)} loading={report.loading} />
                </Card>
                <Card size="small">
                  <Statistic title={t.passRate} value={pct(totals.passRate)} loading={report.loading} />
                </Card>
              </>
            )}
          </div>
          <Table<ReportRow>
            size="small"
            rowKey={(r) => `${r.period ?? ''}-${r.centerId}-${r.type}`}
            loading={report.loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t.empty }}
            data-testid="report-table"
            onRow={(r) => ({ 'data-center': r.centerId, 'data-type': r.type }) as HTMLAttributes<HTMLElement>}
            columns={[
              ...(by === 'total' ? [] : [{ title: t.period, dataIndex: 'period' }]),
              { title: t.center, dataIndex: 'centerId', render: (_, r) => nameOf(r) },
              { title: t.caseType, dataIndex: 'type', render: (_, r) => caseType(r.type) },
              {
                title: t.received,
                dataIndex: 'received',
                align: 'right',
                render: (_, r) => <span data-testid="cell-received">{num(r.received)}</span>,
              },
              {
                title: t.closed,
                key: 'closed',
                align: 'right',
                render: (_, r) => <span data-testid="cell-closed">{num(closedOf(r))}</span>,
              },
              {
                title: t.medianDays,
                dataIndex: 'medianDays',
                align: 'right',
                render: (_, r) => days(r.medianDays),
              },
              { title: t.p90Days, dataIndex: 'p90Days', align: 'right', render: (_, r) => days(r.p90Days) },
              {
                title: t.onTimeRate,
                dataIndex: 'onTimeRate',
                align: 'right',
                render: (_, r) => pct(r.onTimeRate),
              },
              { title: t.passRate, dataIndex: 'passRate', align: 'right', render: (_, r) => pct(r.passRate) },
            ]}
          />
          {option && (
            <Card size="small" title={t.reportChart} style={{ marginTop: 12 }}>
              <EChart
                option={option}
                height={Math.max(200, perCenter.length * 44 + 60)}
                label={t.reportChart}
                testId="report-chart"
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
