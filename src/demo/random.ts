/**
 * The demo's own seeded randomness. Math.random cannot be seeded, and the demo must give byte-identical
 * output for the same scale and seed, so everything random here comes from xoshiro128** (Blackman and
 * Vigna), seeded through splitmix32. 32-bit integer arithmetic keeps it fast in V8 without BigInt.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      return mix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // An all-zero state would stay zero forever.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** An exponential waiting time for a process of `rate` events per unit. */
  exp(rate: number): number {
    return -Math.log(1 - this.float()) / rate;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A 32-bit integer hash (murmur3's finaliser): spreads neighbouring inputs over the whole range. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A hash of several integers, for things that must depend only on their identity, not on draw order. */
export function hashInts(...xs: number[]): number {
  let h = 0x2545f491;
  for (const x of xs) h = mix32(h ^ mix32(x >>> 0) ^ Math.floor(x / 4294967296));
  return h;
}

/**
 * A weighted choice among `n` items in O(log n): cumulative weights searched by bisection. Built once
 * per table, drawn millions of times, so building may be slow and drawing must not allocate.
 */
export class Weighted<T> {
  private readonly cum: Float64Array;
  readonly items: readonly T[];
  readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError(`Weighted: ${items.length} items for ${weights.length} weights`);
    }
    this.items = items;
    this.cum = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cum[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError('Weighted: weights sum to zero');
    this.total = sum;
  }

  static of<T>(pairs: ReadonlyArray<readonly [T, number]>): Weighted<T> {
    return new Weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /** The item at quantile `u` in [0, 1). */
  at(u: number): T {
    const x = u * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }

  draw(rng: Rng): T {
    return this.at(rng.float());
  }

  /** The probability of item `i`. */
  share(i: number): number {
    return (this.cum[i]! - (i > 0 ? this.cum[i - 1]! : 0)) / this.total;
  }
}
