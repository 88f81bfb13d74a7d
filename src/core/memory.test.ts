import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapBound } from './memory.js';

describe('heapBound', () => {
  it('collects the garbage once the heap in use passes the bound', () => {
    const bound = heapBound(1);
    // Garbage that survives a scavenge or two: arrays kept a moment, then dropped.
    let keep: number[][] = [];
    for (let i = 0; i < 200; i++) {
      keep.push(Array.from({ length: 10_000 }, (_, j) => j * i));
      if (keep.length > 50) keep = [];
    }
    keep = [];
    const before = getHeapStatistics().used_heap_size;
    bound.check();
    const after = getHeapStatistics().used_heap_size;
    expect(after).toBeLessThan(before);
  });
});
