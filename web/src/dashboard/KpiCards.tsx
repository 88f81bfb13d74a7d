import { Card, Skeleton } from 'antd';
import type { FiguresResponse, Kind } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Yoy } from '../components/Yoy.js';
import { addYears } from '../dates.js';
import type { Dict } from '../i18n.js';
import { useI18n } from '../lang.js';
import type { OnDrill } from './model.js';

interface Kpi {
  key: string;
  label: keyof Dict;
  kind: Kind;
  value: number | null | undefined;
  yoy: number | null | undefined;
  digits: number;
  loading: boolean;
  /** What the drill-down total is (the count behind a density is the count of inventions). */
  total: number | null;
}

/** The five headline figures with their year-on-year change; each opens the rights behind it. */
export function KpiCards({ region, date, onDrill }: { region: string; date: string; onDrill: OnDrill }) {
  const { t, num } = useI18n();
  const base = { date, region };
  const byKind = useApi<FiguresResponse>('/api/stats/figures', { ...base, groupBy: 'kind' });
  const density = { ...base, kind: 'invention', density: true };
  const now = useApi<FiguresResponse>('/api/stats/figures', density);
  const before = useApi<FiguresResponse>('/api/stats/figures', { ...density, date: addYears(date, -1) });

  if (byKind.error) return <ErrorNotice error={byKind.error} />;
  const fig = (k: Kind) => byKind.data?.figures.find((f) => f.group.kind === k);
  const per10k = now.data?.figures[0]?.perTenThousand;
  const per10kBefore = before.data?.figures[0]?.perTenThousand;
  const per10kYoy = per10k != null && per10kBefore ? (per10k - per10kBefore) / per10kBefore : null;
  const count = (key: string, label: keyof Dict, kind: Kind): Kpi => {
    const f = fig(kind);
    const value = byKind.data ? (f?.value ?? 0) : undefined;
    return { key, label, kind, value, yoy: f?.yoy, digits: 0, total: value ?? null, loading: !byKind.data };
  };
  const kpis: Kpi[] = [
    count('invention', 'kpiInvention', 'invention'),
    {
      key: 'per10k',
      label: 'kpiPer10k',
      kind: 'invention',
      value: now.error ? null : per10k,
      yoy: per10kYoy,
      digits: 2,
      loading: !now.data && !now.error,
      total: fig('invention')?.value ?? null,
    },
    count('trademark', 'kpiTrademark', 'trademark'),
    count('utility_model', 'kpiUtilityModel', 'utility_model'),
    count('design', 'kpiDesign', 'design'),
  ];
  const open = (k: Kpi) => onDrill({ title: t[k.label], filters: { ...base, kind: k.kind }, total: k.total });
  return (
    <div className="kpis">
      {kpis.map((k) => (
        <Card
          key={k.key}
          size="small"
          hoverable
          className="kpi"
          data-testid={`kpi-${k.key}`}
          role="button"
          tabIndex={0}
          aria-label={`${t[k.label]} — ${t.clickToDrill}`}
          onClick={() => open(k)}
          onKeyDown={(e) => e.key === 'Enter' && open(k)}
        >
          <div className="kpi-label">{t[k.label]}</div>
          {k.loading ? (
            <Skeleton active paragraph={false} />
          ) : (
            <>
              <div className="kpi-value" data-testid="kpi-value">
                {num(k.value, k.digits)}
              </div>
              <div>
                {t.yoy} <Yoy value={k.yoy} />
              </div>
            </>
          )}
        </Card>
      ))}
    </div>
  );
}
