import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { Kind } from '../api/types.js';
import { isIsoDate } from '../dates.js';

export type MapMetric = 'inventions' | 'per10k' | 'trademarks' | 'yoy';
const METRICS: readonly MapMetric[] = ['inventions', 'per10k', 'trademarks', 'yoy'];

/** The filters of a figure; the drill-down lists the rights behind them. */
export interface DrillFilters {
  date: string;
  region: string;
  kind?: Kind;
  holderType?: string;
  industry?: string;
}

export interface DrillSpec {
  title: string;
  filters: DrillFilters;
  /** The figure's value, shown beside the rows listed so far. */
  total: number | null;
}

export type OnDrill = (spec: DrillSpec) => void;

export interface DashboardState {
  region: string;
  date: string;
  metric: MapMetric;
}

/** Region, date and map metric live in the URL, so a view can be reloaded and shared. */
export function useDashboardState(defaults: {
  region: string;
  date: string;
}): [DashboardState, (patch: Partial<DashboardState>) => void] {
  const [params, setParams] = useSearchParams();
  const region = params.get('region');
  const date = params.get('date');
  const metric = params.get('metric');
  const state: DashboardState = {
    region: region && /^([a-z][a-z_-]*|\d{2}|\d{6})$/.test(region) ? region : defaults.region,
    date: isIsoDate(date) ? date : defaults.date,
    metric: METRICS.find((m) => m === metric) ?? 'inventions',
  };
  const update = useCallback(
    (patch: Partial<DashboardState>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) next.set(k, v);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [state, update];
}

/** The province whose cities the map shows for a region (null: the region's provinces). */
export function provinceOfRegion(region: string): string | null {
  return /^\d{2}(\d{4})?$/.test(region) ? region.slice(0, 2) : null;
}
