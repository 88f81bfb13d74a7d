import { useMemo } from 'react';
import type { RegionNode } from './api/types.js';
import { useApi } from './api/useApi.js';
import type { Lang } from './i18n.js';

export interface Regions {
  /** The provinces of the root region, each with its cities. */
  provinces: RegionNode[];
  byCode: Map<string, RegionNode>;
  loading: boolean;
  error: Error | undefined;
}

/** Provinces wherever they sit in the answer (the root may be a named region or the provinces themselves). */
function collectProvinces(nodes: readonly RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => (n.level === 'province' ? [n] : collectProvinces(n.children ?? [])));
}

function index(nodes: readonly RegionNode[], into: Map<string, RegionNode>): Map<string, RegionNode> {
  for (const n of nodes) {
    into.set(n.code, n);
    index(n.children ?? [], into);
  }
  return into;
}

/** The region tree below `root` (provinces and cities), loaded once per session. */
export function useRegions(root = 'central'): Regions {
  const { data, loading, error } = useApi<RegionNode[] | RegionNode>('/api/reference/regions', {
    root,
    depth: 1,
  });
  return useMemo(() => {
    const nodes = data === undefined ? [] : Array.isArray(data) ? data : [data];
    return { provinces: collectProvinces(nodes), byCode: index(nodes, new Map()), loading, error };
  }, [data, loading, error]);
}

export function regionName(regions: Regions, code: string, lang: Lang, centralLabel: string): string {
  if (code === 'central') return centralLabel;
  const node = regions.byCode.get(code);
  if (!node) return code;
  return lang === 'en' ? (node.nameEn ?? node.name) : node.name;
}
