import type { EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { type ChartOption, init } from './echarts.js';

/** What a click on a bar, point or map area tells the page. */
export interface ChartClick {
  name: string;
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  testId?: string;
  label?: string;
}

/** One ECharts instance (SVG renderer) that follows its container's size and the option it is given. */
export function EChart({ option, height = 300, onClick, testId, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (p) => {
      click.current?.({ name: p.name, seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex });
    });
    // Marks for the browser tests and the benchmark: the chart has drawn a first frame of its option
    // (`drawn`), and has finished drawing it, animations included (`ready`).
    instance.on('rendered', () => node.setAttribute('data-chart-drawn', 'true'));
    instance.on('finished', () => node.setAttribute('data-chart-ready', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    el.current?.removeAttribute('data-chart-ready');
    el.current?.removeAttribute('data-chart-drawn');
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      className="chart"
      style={{ height, cursor: onClick ? 'pointer' : undefined }}
      data-testid={testId}
      role="img"
      aria-label={label}
    />
  );
}
