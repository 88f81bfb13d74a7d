import { useMemo } from 'react';
import type { FiguresResponse } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/echarts.js';
import { Panel } from '../components/Panel.js';
import { useI18n } from '../lang.js';

/** The national IP protection pilot-zone cities: Hefei, Zhengzhou, Wuhan, Changsha. */
export const PILOT_CITIES: ReadonlyArray<{ code: string; zh: string; en: string }> = [
  { code: '340100', zh: '合肥市', en: 'Hefei' },
  { code: '410100', zh: '郑州市', en: 'Zhengzhou' },
  { code: '420100', zh: '武汉市', en: 'Wuhan' },
  { code: '430100', zh: '长沙市', en: 'Changsha' },
];

function at(res: FiguresResponse | undefined, code: string) {
  return res?.figures.find((f) => f.group.city === code);
}

interface Props {
  date: string;
  onDrill(city: string, cityName: string, kind: 'invention' | 'trademark', total: number | null): void;
}

/** Valid inventions and trademarks of the four cities side by side, with inventions per 10,000 people. */
export function PilotZones({ date, onDrill }: Props) {
  const { t, num, lang } = useI18n();
  const region = PILOT_CITIES.map((c) => c.code);
  const inv = useApi<FiguresResponse>('/api/stats/figures', {
    date,
    region,
    kind: 'invention',
    groupBy: 'city',
    density: true,
  });
  const tm = useApi<FiguresResponse>('/api/stats/figures', {
    date,
    region,
    kind: 'trademark',
    groupBy: 'city',
  });
  const option = useMemo<ChartOption | null>(() => {
    if (!inv.data || !tm.data) return null;
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: PILOT_CITIES.map((c) => c[lang]) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => num(v) } },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t.kpiInvention,
          data: PILOT_CITIES.map((c) => at(inv.data, c.code)?.value ?? 0),
        },
        { type: 'bar', name: t.kpiTrademark, data: PILOT_CITIES.map((c) => at(tm.data, c.code)?.value ?? 0) },
        {
          type: 'line',
          name: t.metricPer10k,
          yAxisIndex: 1,
          data: PILOT_CITIES.map((c) => at(inv.data, c.code)?.perTenThousand ?? null),
        },
      ],
    };
  }, [inv.data, tm.data, lang, num, t.kpiInvention, t.kpiTrademark, t.metricPer10k]);

  const error = inv.error ?? tm.error;
  return (
    <Panel title={t.pilotTitle} testId="pilot-zones" loading={!option && !error} error={error}>
      {option && (
        <EChart
          option={option}
          height={300}
          label={t.pilotTitle}
          onClick={(c) => {
            const city = PILOT_CITIES[c.dataIndex];
            if (!city) return;
            const kind = c.seriesIndex === 1 ? 'trademark' : 'invention';
            const total = at(kind === 'trademark' ? tm.data : inv.data, city.code)?.value ?? null;
            onDrill(city.code, city[lang], kind, total);
          }}
        />
      )}
    </Panel>
  );
}
