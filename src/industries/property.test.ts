import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allSchemes, compileMatcher } from './index.js';
import { naiveMatcher } from './naive.js';
import { sampleRight, sampleSource, seededRandom } from './sample.js';

/**
 * The indexed matcher answers exactly as the plain scan over every rule, on rights built from the
 * shipped patterns (inside, at the edges and just outside them), random subclasses, other spellings
 * of codes, and texts carrying keywords and exclusion words.
 */
describe('matcher equals the naive scan', () => {
  const schemes = allSchemes();
  const fast = compileMatcher(schemes);
  const naive = naiveMatcher(schemes);
  const src = sampleSource(schemes);

  it('on 10,000 random realistic rights', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 0.3, noNaN: true }), (seed, respelled) => {
        const right = sampleRight(seededRandom(seed), src, respelled);
        expect(fast.match(right.ipc, right.text)).toEqual(naive.match(right.ipc, right.text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('on arbitrary strings as codes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 16 }), { maxLength: 3 }), (ipc) => {
        expect(fast.match(ipc)).toEqual(naive.match(ipc));
      }),
      { numRuns: 2_000 },
    );
  });

  it('on texts whose lower case is not unit by unit (Kelvin sign, İ, final sigma, Deseret)', () => {
    const words = ['k', 'i\u0307', 'ς', 'σ', '\u{10428}', 'α', 'lipf6', '稀土', ''];
    const texts = ['\u212A', 'İ', 'ΟΣ', 'ΟΣΑ', '\u{10400}', 'Α', 'LiPF6', '稀土', '', 'x'];
    const scheme = {
      id: 't',
      name: { zh: 't', en: 't' },
      source: 't',
      industries: words.map((w, i) => ({
        id: `t:${i}`,
        parent: null,
        name: { zh: w, en: w },
        rules: [
          { include: ['H01M'], exclude: [], keywords: [w], excludeKeywords: i % 2 ? [words[i - 1]!] : [] },
        ],
      })),
    };
    const f = compileMatcher([scheme]);
    const n = naiveMatcher([scheme]);
    for (const t of texts) {
      for (const u of texts)
        expect(f.match(['H01M 4/13'], t + u), t + u).toEqual(n.match(['H01M 4/13'], t + u));
    }
  });

  it('the samples reach many industries (the test is not vacuous)', () => {
    const rnd = seededRandom(7);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const r = sampleRight(rnd, src);
      for (const id of fast.match(r.ipc, r.text)) seen.add(id);
    }
    expect(seen.size).toBeGreaterThan(130);
  });
});
