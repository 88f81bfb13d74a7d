import { describe, expect, it } from 'vitest';
import { hashInts, Rng, Weighted } from './random.js';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 100 }, () => a.u32());
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.u32())).not.toEqual(xs);
  });

  it('draws uniform floats in [0, 1)', () => {
    const r = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.float();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('Weighted', () => {
  it('draws items in proportion to their weights', () => {
    const w = new Weighted(['a', 'b', 'c'], [1, 2, 7]);
    const r = new Rng(5);
    const n = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 50_000; i++) n[w.draw(r) as 'a' | 'b' | 'c']++;
    expect(n.a / 50_000).toBeCloseTo(0.1, 1);
    expect(n.c / 50_000).toBeCloseTo(0.7, 1);
    expect(w.share(1)).toBeCloseTo(0.2, 10);
  });

  it('never draws a zero-weight item and refuses all-zero weights', () => {
    const w = new Weighted(['x', 'y'], [0, 1]);
    expect(w.at(0)).toBe('y');
    expect(() => new Weighted(['x'], [0])).toThrow();
  });
});

describe('hashInts', () => {
  it('depends on every argument', () => {
    expect(hashInts(1, 2, 3)).toBe(hashInts(1, 2, 3));
    expect(hashInts(1, 2, 3)).not.toBe(hashInts(1, 2, 4));
    expect(hashInts(1, 2)).not.toBe(hashInts(2, 1));
  });
});
