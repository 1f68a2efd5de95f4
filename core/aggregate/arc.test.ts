import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/schema';
import { Rng } from '../rng';
import { adaptiveRobustClipping, arcClipCount } from './arc';
import { aggregatorFor, runOnce, updatesOf } from './testing';

describe('ARC pre-aggregation (adaptive robust clipping)', () => {
  it('clips k = ⌊2·(f/n)·(n − f)⌋ updates, computed in integers', () => {
    // n = 5, f = 1: ⌊2·4/5⌋ = ⌊1.6⌋ = 1; n = 10, f = 2: ⌊32/10⌋ = 3; f = 0: none; n = f: none.
    // n = 121, f = 66: 2·66·55/121 = 60 exactly (ByzFL's float (2f/n)·(n − f) gives 59.999… → 59).
    expect([arcClipCount(5, 1), arcClipCount(10, 2), arcClipCount(10, 0), arcClipCount(4, 4), arcClipCount(121, 66)]).toEqual([
      1, 3, 0, 0, 60,
    ]);
  });

  it('scales the k largest updates to the norm of the (k+1)-th largest', () => {
    // Norms 5, 1, 10, 2, 0; n = 5, f = 2 → k = ⌊2·2·3/5⌋ = ⌊2.4⌋ = 2: the two largest (10 and 5) go to norm 2:
    // (6,8)·2/10 = (1.2, 1.6) and (3,4)·2/5 = (1.2, 1.6); the others stay.
    const { updates, clipped } = adaptiveRobustClipping(updatesOf([[3, 4], [0, 1], [6, 8], [0, -2], [0, 0]]), 2);
    expect(updates.map((u) => Array.from(u.delta))).toEqual([
      [1.2, 1.6].map(Math.fround),
      [0, 1],
      [1.2, 1.6].map(Math.fround),
      [0, -2],
      [0, 0],
    ]);
    expect([...clipped].sort()).toEqual([0, 2]);
    expect(updates.map((u) => [u.clientId, u.weight])).toEqual([[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]]);
  });

  it('leaves an update whose norm equals the threshold alone', () => {
    // 3, −3, 3, 1 with f = 1: k = ⌊2·3/4⌋ = 1, threshold = 2nd largest norm = 3: nothing is above it
    const { updates, clipped } = adaptiveRobustClipping(updatesOf([[3], [-3], [3], [1]]), 1);
    expect(updates.map((u) => u.delta[0])).toEqual([3, -3, 3, 1]);
    expect(clipped.size).toBe(0);
  });

  it('then the mean, reporting who was clipped', () => {
    // 1 −2 3 4 −10, f = 1: k = 1, |−10| → 4, so −4: (1 − 2 + 3 + 4 − 4)/5 = 0.4
    const agg = aggregatorFor({ name: 'mean', arc: true, f: 1 });
    expect(agg.name).toBe('arc+mean');
    const { out, decisions } = runOnce(agg, updatesOf([[1], [-2], [3], [4], [-10]]));
    expect(out[0]).toBeCloseTo(0.4, 6);
    expect([0, 1, 2, 3, 4].map((id) => decisions.get(id))).toEqual([
      { clipped: false },
      { clipped: false },
      { clipped: false },
      { clipped: false },
      { clipped: true },
    ]);
  });

  it("merges `clipped` into the inner rule's decisions", () => {
    // 0 1 2 3 100, f = 1: 100 → 3. Krum (2 nearest) on 0 1 2 3 3: scores 0→1+4=5, 1→2, 2→2, 3→0+1=1, 3'→1:
    // a tie between clients 3 and 4, the lower id wins → 3
    const { out, decisions } = runOnce(aggregatorFor({ name: 'krum', arc: true, f: 1 }), updatesOf([[0], [1], [2], [3], [100]]));
    expect(out).toEqual([3]);
    expect(decisions.get(3)).toEqual({ selected: true, clipped: false });
    expect(decisions.get(4)).toEqual({ selected: false, clipped: true });
  });

  it('gives bitwise the same result for any arrival order', () => {
    const rng = new Rng(4, 'test');
    const updates = updatesOf(Array.from({ length: 9 }, (_, i) => [rng.normal() * i, rng.normal(), rng.normal()]));
    const shuffled = new Rng(5, 'test').shuffle([...updates]);
    const agg = () => aggregatorFor({ name: 'mean', arc: true, f: 2 });
    expect(runOnce(agg(), shuffled).out).toEqual(runOnce(agg(), updates).out);
  });

  it('bounds one huge outlier by the largest honest norm', () => {
    // 1 1.1 0.9 1.05 0.95 1e6, f = 1: k = ⌊2·5/6⌋ = 1, so 1e6 → 1.1: the mean is (5 + 1.1)/6 ≈ 1.0167, not ≈ 166 667
    const { out } = runOnce(aggregatorFor({ name: 'mean', arc: true, f: 1 }), updatesOf([[1], [1.1], [0.9], [1.05], [0.95], [1e6]]));
    expect(out[0]).toBeCloseTo(6.1 / 6, 6);
  });

  it('needs n ≥ f, at run time and before it', () => {
    expect(() => runOnce(aggregatorFor({ name: 'mean', arc: true, f: 2 }), updatesOf([[1]]))).toThrow(
      'ARC clips ⌊2f(n − f)/n⌋ updates: needs n ≥ f, got n = 1 with f = 2',
    );
    // 2 clients sampled of 4 with f = 3
    const config = { partition: { numClients: 4 }, sampling: { fraction: 0.5 }, aggregator: { arc: true, f: 3 } };
    expect(() => parseConfig(config)).toThrow(ConfigError);
    expect(() => parseConfig(config)).toThrow(
      "aggregator.arc: ARC clips ⌊2f(n − f)/n⌋ of the round's n updates, which needs n ≥ f = 3, but this experiment " +
        'samples 2 of 4 clients — raise sampling.fraction to ≥ 0.75 or lower aggregator.f to ≤ 2',
    );
    expect(() => parseConfig({ ...config, aggregator: { arc: true, f: 2 } })).not.toThrow();
  });
});
