import { lazy, Suspense, useState } from 'react';
import type { Meta } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Breakdowns } from '../dashboard/Breakdowns.js';
import { Filters } from '../dashboard/Filters.js';
import { KpiCards } from '../dashboard/KpiCards.js';
import { type DrillSpec, useDashboardState } from '../dashboard/model.js';
import { PilotZones } from '../dashboard/PilotZones.js';
import { RegionMap } from '../dashboard/RegionMap.js';
import { TrendChart } from '../dashboard/TrendChart.js';
import { useI18n } from '../lang.js';
import { useRegions } from '../regions.js';

// The rights table is only needed once someone clicks a figure.
const DrillDrawer = lazy(() => import('../dashboard/DrillDrawer.js'));

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The dashboard: headline figures, the map, trends, breakdowns and the pilot-zone cities for a region and date. */
export function Dashboard() {
  const meta = useApi<Meta>('/api/meta');
  if (meta.error) return <ErrorNotice error={meta.error} />;
  const root = meta.data?.defaultRegion ?? 'central';
  return <DashboardFor root={root} defaultDate={meta.data?.defaultDate ?? null} />;
}

function DashboardFor({ root, defaultDate }: { root: string; defaultDate: string | null }) {
  const { kind } = useI18n();
  const regions = useRegions(root);
  const [state, update] = useDashboardState({ region: root, date: defaultDate ?? today() });
  const [drill, setDrill] = useState<DrillSpec | null>(null);
  // Until /api/meta answers we do not know the default date; do not ask for figures of a wrong one.
  const ready = defaultDate !== null || new URLSearchParams(window.location.search).has('date');
  const { region, date } = state;
  return (
    <div data-testid="dashboard">
      <Filters root={root} region={region} date={date} regions={regions} onChange={update} />
      {ready && (
        <>
          <KpiCards region={region} date={date} onDrill={setDrill} />
          <div className="panels">
            <RegionMap
              region={region}
              date={date}
              metric={state.metric}
              onMetric={(metric) => update({ metric })}
              regions={regions}
              onDrill={setDrill}
            />
            <TrendChart region={region} date={date} />
            <Breakdowns region={region} date={date} onDrill={setDrill} />
            <PilotZones
              date={date}
              onDrill={(city, cityName, k, total) =>
                setDrill({
                  title: `${cityName} · ${kind(k)}`,
                  filters: { date, region: city, kind: k },
                  total,
                })
              }
            />
          </div>
        </>
      )}
      {drill && (
        <Suspense fallback={null}>
          <DrillDrawer spec={drill} onClose={() => setDrill(null)} />
        </Suspense>
      )}
    </div>
  );
}
