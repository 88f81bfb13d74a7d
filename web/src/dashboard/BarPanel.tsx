import { useMemo } from 'react';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/echarts.js';
import { Panel } from '../components/Panel.js';
import { useI18n } from '../lang.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
  yoy: number | null;
}

interface Props {
  title: string;
  bars: Bar[] | undefined;
  error?: Error | undefined;
  testId: string;
  onBar(bar: Bar): void;
}

/** A horizontal bar per group, largest on top; a bar opens the rights behind it. */
export function BarPanel({ title, bars, error, testId, onBar }: Props) {
  const { num, change, t } = useI18n();
  const option = useMemo<ChartOption | null>(() => {
    if (!bars?.length) return null;
    const ordered = [...bars].reverse();
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const bar = ordered[item?.dataIndex ?? -1];
          return bar ? `${bar.label}<br/>${num(bar.value)} (${t.yoy} ${change(bar.yoy)})` : '';
        },
      },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => num(v), hideOverlap: true } },
      yAxis: {
        type: 'category',
        data: ordered.map((b) => b.label),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((b) => b.value),
          itemStyle: { color: '#1d5fa8' },
          label: { show: true, position: 'right', formatter: (p) => num(Number(p.value)) },
        },
      ],
    };
  }, [bars, num, change, t.yoy]);
  const height = Math.max(160, (bars?.length ?? 0) * 34 + 40);
  return (
    <Panel
      title={title}
      testId={testId}
      loading={!bars && !error}
      error={error}
      empty={!!bars && !bars.length}
    >
      {option && (
        <EChart
          option={option}
          height={height}
          label={title}
          testId={`${testId}-chart`}
          onClick={(c) => {
            const bar = [...(bars ?? [])].reverse()[c.dataIndex];
            if (bar) onBar(bar);
          }}
        />
      )}
    </Panel>
  );
}
