import { useMemo } from 'react';
import { KINDS, type TrendResponse } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/echarts.js';
import { Panel } from '../components/Panel.js';
import { yearEnds } from '../dates.js';
import { useI18n } from '../lang.js';

const FIRST_YEAR = 2015;

/** Valid rights of each kind at each year-end up to the chosen date; trademarks on their own axis. */
export function TrendChart({ region, date }: { region: string; date: string }) {
  const { t, kind: kindLabel, num } = useI18n();
  const dates = useMemo(() => yearEnds(FIRST_YEAR, date), [date]);
  const params = { region, dates };
  const invention = useApi<TrendResponse>('/api/stats/trend', { ...params, kind: 'invention' });
  const utilityModel = useApi<TrendResponse>('/api/stats/trend', { ...params, kind: 'utility_model' });
  const design = useApi<TrendResponse>('/api/stats/trend', { ...params, kind: 'design' });
  const trademark = useApi<TrendResponse>('/api/stats/trend', { ...params, kind: 'trademark' });
  const error = [invention, utilityModel, design, trademark].find((s) => s.error)?.error;

  const option = useMemo<ChartOption | null>(() => {
    // In the order of KINDS.
    const series = [invention.data, utilityModel.data, design.data, trademark.data];
    if (series.some((s) => !s)) return null;
    const label = (d: string) => (d.endsWith('-12-31') ? d.slice(0, 4) : d);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'plain' },
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: dates.map(label) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => num(v) } },
        { type: 'value', axisLabel: { formatter: (v: number) => num(v) }, splitLine: { show: false } },
      ],
      series: KINDS.map((k, i) => ({
        type: 'line',
        name: kindLabel(k),
        yAxisIndex: k === 'trademark' ? 1 : 0,
        smooth: true,
        data: dates.map((d) => series[i]?.points.find((p) => p.date === d)?.value ?? null),
      })),
    };
  }, [invention.data, utilityModel.data, design.data, trademark.data, dates, kindLabel, num]);

  return (
    <Panel title={t.trendTitle} testId="trend" loading={!option && !error} error={error}>
      {option && <EChart option={option} height={320} label={t.trendTitle} />}
    </Panel>
  );
}
