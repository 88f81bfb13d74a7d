import { useMemo } from 'react';
import type { FiguresResponse, Kind } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { useIndustryNames } from '../industries.js';
import { useI18n } from '../lang.js';
import { type Bar, BarPanel } from './BarPanel.js';
import type { OnDrill } from './model.js';

const TOP_INDUSTRIES = 12;

function toBars(
  res: FiguresResponse | undefined,
  dim: 'kind' | 'holderType' | 'industry',
  label: (code: string) => string,
): Bar[] | undefined {
  return res?.figures
    .filter((f) => f.group[dim] && f.value > 0)
    .map((f) => ({ key: f.group[dim] ?? '', label: label(f.group[dim] ?? ''), value: f.value, yoy: f.yoy }));
}

/** Valid rights by kind, valid inventions by holder type and by industry; each bar drills down. */
export function Breakdowns({ region, date, onDrill }: { region: string; date: string; onDrill: OnDrill }) {
  const { t, kind, holderType, lang } = useI18n();
  const industryName = useIndustryNames();
  const base = { date, region };
  const byKind = useApi<FiguresResponse>('/api/stats/figures', { ...base, groupBy: 'kind' });
  const byHolder = useApi<FiguresResponse>('/api/stats/figures', {
    ...base,
    kind: 'invention',
    groupBy: 'holderType',
  });
  const byIndustry = useApi<FiguresResponse>('/api/stats/figures', {
    ...base,
    kind: 'invention',
    groupBy: 'industry',
  });
  const kindBars = useMemo(() => toBars(byKind.data, 'kind', kind), [byKind.data, kind]);
  const holderBars = useMemo(
    () => toBars(byHolder.data, 'holderType', holderType),
    [byHolder.data, holderType],
  );
  const industryBars = useMemo(
    () => toBars(byIndustry.data, 'industry', (id) => industryName(id, lang))?.slice(0, TOP_INDUSTRIES),
    [byIndustry.data, industryName, lang],
  );
  return (
    <>
      <BarPanel
        title={t.byKind}
        testId="by-kind"
        bars={kindBars}
        error={byKind.error}
        onBar={(b) =>
          onDrill({
            title: `${t.byKind} · ${b.label}`,
            filters: { ...base, kind: b.key as Kind },
            total: b.value,
          })
        }
      />
      <BarPanel
        title={t.byHolderType}
        testId="by-holder-type"
        bars={holderBars}
        error={byHolder.error}
        onBar={(b) =>
          onDrill({
            title: `${t.kpiInvention} · ${b.label}`,
            filters: { ...base, kind: 'invention', holderType: b.key },
            total: b.value,
          })
        }
      />
      <BarPanel
        title={t.byIndustry}
        testId="by-industry"
        bars={industryBars}
        error={byIndustry.error}
        onBar={(b) =>
          onDrill({
            title: `${t.kpiInvention} · ${b.label}`,
            filters: { ...base, kind: 'invention', industry: b.key },
            total: b.value,
          })
        }
      />
    </>
  );
}
