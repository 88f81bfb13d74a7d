import { useMemo } from 'react';
import type { Center } from '../api/cases.js';
import { useApi } from '../api/useApi.js';

/** The protection centers (any signed-in user may read them), by id too. */
export function useCenters(reload = 0) {
  const state = useApi<Center[]>('/api/centers', {}, { fresh: reload > 0, reload });
  const byId = useMemo(() => new Map((state.data ?? []).map((c) => [c.id, c])), [state.data]);
  return { ...state, centers: state.data ?? [], byId };
}
