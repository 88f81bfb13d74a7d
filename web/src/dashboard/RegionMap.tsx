import { Segmented } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FiguresResponse } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/echarts.js';
import { citiesMap, provincesMap } from '../charts/geo.js';
import { Panel } from '../components/Panel.js';
import { useI18n } from '../lang.js';
import { type Regions, regionName } from '../regions.js';
import { type MapMetric, type OnDrill, provinceOfRegion } from './model.js';

interface Props {
  region: string;
  date: string;
  metric: MapMetric;
  onMetric(metric: MapMetric): void;
  regions: Regions;
  onDrill: OnDrill;
}

/** Loads (once) the map for the region: its provinces, or the cities of the chosen province. */
interface MapState {
  key: string;
  name: string | null;
  loading: boolean;
  error?: Error;
}

function useMapName(province: string | null, provinces: readonly string[]): MapState {
  const [state, setState] = useState<MapState>({ key: '', name: null, loading: true });
  const key = province ?? provinces.join(',');
  useEffect(() => {
    if (!province && provinces.length === 0) return;
    let live = true;
    (province ? citiesMap(province) : provincesMap(provinces)).then(
      (name) => live && setState({ key, name, loading: false }),
      (error: Error) => live && setState({ key, name: null, loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [key, province, provinces]);
  return state.key === key ? state : { key, name: null, loading: true };
}

/** The region's provinces (or a province's cities) coloured by the chosen metric; an area opens its rights. */
export function RegionMap({ region, date, metric, onMetric, regions, onDrill }: Props) {
  const { t, num, change, lang } = useI18n();
  const province = provinceOfRegion(region);
  const provinceCodes = useMemo(() => regions.provinces.map((p) => p.code), [regions.provinces]);
  const map = useMapName(province, provinceCodes);
  const groupBy = province ? 'city' : 'province';
  const area = province ?? region;
  const inv = useApi<FiguresResponse>('/api/stats/figures', {
    date,
    region: area,
    kind: 'invention',
    groupBy,
    density: true,
  });
  const tm = useApi<FiguresResponse>(metric === 'trademarks' ? '/api/stats/figures' : null, {
    date,
    region: area,
    kind: 'trademark',
    groupBy,
  });
  const source = metric === 'trademarks' ? tm : inv;
  const nameOf = useCallback(
    (code: string) => regionName(regions, code, lang, t.centralRegion),
    [regions, lang, t.centralRegion],
  );

  const option = useMemo<ChartOption | null>(() => {
    if (!map.name || !source.data) return null;
    const data = source.data.figures
      .filter((f) => f.group[groupBy])
      .map((f) => {
        const value = metric === 'per10k' ? f.perTenThousand : metric === 'yoy' ? f.yoy : f.value;
        const code = f.group[groupBy] ?? '';
        return { name: code, value: value ?? ('-' as const), selected: code === region };
      });
    const values = data.map((d) => d.value).filter((v): v is number => typeof v === 'number');
    const fmt = (v: number) => (metric === 'yoy' ? change(v) : num(v, metric === 'per10k' ? 2 : 0));
    const max = Math.max(0, ...values);
    const min = metric === 'yoy' ? Math.min(0, ...values) : 0;
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const v = typeof item?.value === 'number' && !Number.isNaN(item.value) ? fmt(item.value) : '–';
          return `${nameOf(item?.name ?? '')}<br/>${v}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min,
        max: max === min ? min + 1 : max,
        left: 0,
        bottom: 0,
        itemHeight: 100,
        calculable: false,
        text: [fmt(max), fmt(min)],
        inRange: {
          color:
            metric === 'yoy'
              ? ['#d4380d', '#fff7e6', '#1d5fa8']
              : ['#e6f0fb', '#8bb4e0', '#1d5fa8', '#0b2f5b'],
        },
      },
      series: [
        {
          type: 'map',
          map: map.name,
          roam: false,
          selectedMode: 'single',
          layoutSize: '96%',
          label: {
            show: true,
            fontSize: 11,
            color: '#1f1f1f',
            textBorderColor: '#fff',
            textBorderWidth: 2,
            formatter: (p) => nameOf(p.name),
          },
          emphasis: { label: { show: true } },
          select: { itemStyle: { borderColor: '#fa8c16', borderWidth: 2 } },
          data,
        },
      ],
    };
    // nameOf/num/change follow the language, which `lang` covers.
  }, [map.name, source.data, metric, groupBy, region, nameOf, num, change]);

  const metrics: Array<{ value: MapMetric; label: string }> = [
    { value: 'inventions', label: t.metricInventions },
    { value: 'per10k', label: t.metricPer10k },
    { value: 'trademarks', label: t.metricTrademarks },
    { value: 'yoy', label: t.metricYoy },
  ];
  const error = source.error ?? map.error ?? regions.error;
  return (
    <Panel
      title={`${t.mapTitle} · ${nameOf(province ?? region)}`}
      testId="region-map"
      loading={source.loading || map.loading}
      error={error}
      empty={!option}
    >
      <Segmented<MapMetric>
        className="no-print"
        size="small"
        options={metrics}
        value={metric}
        onChange={onMetric}
        style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
      />
      {option && (
        <EChart
          option={option}
          height={420}
          testId="map-chart"
          label={t.mapTitle}
          onClick={(c) =>
            onDrill({
              title: `${nameOf(c.name)} · ${metric === 'trademarks' ? t.kpiTrademark : t.kpiInvention}`,
              filters: { date, region: c.name, kind: metric === 'trademarks' ? 'trademark' : 'invention' },
              total: source.data?.figures.find((f) => f.group[groupBy] === c.name)?.value ?? null,
            })
          }
        />
      )}
    </Panel>
  );
}
