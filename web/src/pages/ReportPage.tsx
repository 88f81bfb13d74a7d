import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { apiUrl } from '../api/client.js';
import type { Meta, RegionalReport } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Yoy } from '../components/Yoy.js';
import { Filters } from '../dashboard/Filters.js';
import { isIsoDate } from '../dates.js';
import { useIndustryNames } from '../industries.js';
import { useI18n } from '../lang.js';
import { useRegions } from '../regions.js';
import { ReportSectionTable, ReportTable } from './report/ReportTable.js';

/** The regional report rendered from its JSON form, print-friendly, with links to its HTML and Markdown forms. */
export default function ReportPage() {
  const meta = useApi<Meta>('/api/meta');
  const [params, setParams] = useSearchParams();
  const root = meta.data?.defaultRegion ?? 'central';
  const regions = useRegions(root);
  const region = params.get('region') ?? root;
  const dateParam = params.get('date');
  const date = isIsoDate(dateParam) ? dateParam : meta.data?.defaultDate;
  const query = { region, date, format: 'json' };
  const report = useApi<RegionalReport>(date ? '/api/stats/report' : null, query);
  const { t } = useI18n();
  const onChange = (patch: { region?: string; date?: string }) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const error = meta.error ?? report.error;
  return (
    <div className="report" data-testid="report-page">
      <Filters root={root} region={region} date={date ?? ''} regions={regions} onChange={onChange} />
      {error ? (
        <ErrorNotice error={error} />
      ) : !report.data ? (
        <Spin description={t.loading} className="page-spin" />
      ) : (
        <ReportBody report={report.data} links={{ region, date: date ?? '' }} />
      )}
    </div>
  );
}

function ReportBody({ report, links }: { report: RegionalReport; links: { region: string; date: string } }) {
  const { t, lang, num, date, holderType } = useI18n();
  const industryName = useIndustryNames();
  const label = (l: { zh: string; en: string | null }) => (lang === 'en' ? (l.en ?? l.zh) : l.zh);
  return (
    <>
      <Typography.Title level={2}>
        {label(report.regionName)} · {t.reportTitle}
      </Typography.Title>
      <p className="muted">
        {t.asOf} {date(report.asOf)}
        {report.knownOn && ` (${t.knownOn} ${date(report.knownOn)})`} · {t.dataVersion} {report.dataVersion}
        {report.population &&
          ` · ${t.population} ${num(report.population.value)} (${report.population.year})`}
      </p>
      <div className="toolbar no-print">
        <Button href={apiUrl('/api/stats/report', { ...links, format: 'html' })} target="_blank">
          {t.openHtml}
        </Button>
        <Button href={apiUrl('/api/stats/report', { ...links, format: 'md' })} target="_blank">
          {t.openMarkdown}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t.print}
        </Button>
      </div>
      <section className="kpis">
        {report.headline.map((f) => (
          <Card size="small" key={f.label.en} data-testid="report-headline">
            <div className="kpi-label">{label(f.label)}</div>
            <div className="kpi-value">{num(f.value)}</div>
            <div>
              {t.yoy} <Yoy value={f.yoy} />
            </div>
            {f.per10k != null && (
              <div>
                {t.per10k} {num(f.per10k, 2)}
              </div>
            )}
          </Card>
        ))}
      </section>
      <ReportTable section={report.provinces} />
      <ReportTable section={report.topCities} />
      <ReportTable section={report.pilotZones} />
      <ReportSectionTable
        section={report.holderTypes}
        nameTitle={t.colHolderType}
        rows={report.holderTypes.rows.map((r) => ({
          key: r.holderType,
          name: holderType(r.holderType),
          value: r.value,
          share: r.share,
          yoy: r.yoy,
        }))}
      />
      <ReportSectionTable
        section={report.industries}
        nameTitle={t.industry}
        rows={report.industries.rows.map((r) => ({
          key: r.industry,
          name: industryName(r.industry, lang),
          value: r.value,
          share: null,
          yoy: r.yoy,
        }))}
      />
    </>
  );
}
