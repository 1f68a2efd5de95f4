import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { planRound } from './heterogeneity';

const sampled = [1, 4, 5, 8, 9, 12, 13, 15, 17, 19];
const config = (system: object, seed = 42) => parseConfig({ seed, system });

describe('dropouts and stragglers', () => {
  it('with no heterogeneity every client does its full work', () => {
    const plans = planRound(config({}), 1, sampled);
    expect(plans.map((p) => p.clientId)).toEqual(sampled);
    expect(plans.every((p) => !p.dropped && !p.straggler && p.workFraction === 1)).toBe(true);
  });

  it('drops each client with probability p (rate over many rounds)', () => {
    const cfg = config({ dropoutProb: 0.3 });
    let dropped = 0;
    const rounds = 2000;
    for (let r = 1; r <= rounds; r++) dropped += planRound(cfg, r, sampled).filter((p) => p.dropped).length;
    // 20,000 Bernoulli(0.3) draws: sd of the rate ≈ 0.0032.
    expect(Math.abs(dropped / (rounds * sampled.length) - 0.3)).toBeLessThan(0.015);
  });

  it('partial stragglers: round(fraction · sampled) clients run stragglerWork of their steps', () => {
    const plans = planRound(config({ stragglerFraction: 0.25, stragglerWork: 0.4 }), 3, sampled);
    const stragglers = plans.filter((p) => p.straggler);
    expect(stragglers).toHaveLength(3); // round(2.5)
    expect(stragglers.every((p) => p.workFraction === 0.4 && !p.dropped)).toBe(true);
    expect(plans.filter((p) => !p.straggler).every((p) => p.workFraction === 1)).toBe(true);
  });

  it("'drop' stragglers miss the deadline and send nothing", () => {
    const plans = planRound(config({ stragglerFraction: 0.5, stragglerMode: 'drop' }), 3, sampled);
    expect(plans.filter((p) => p.straggler)).toHaveLength(5);
    expect(plans.filter((p) => p.dropped).map((p) => p.clientId)).toEqual(
      plans.filter((p) => p.straggler).map((p) => p.clientId),
    );
  });

  it('is reproducible and varies by round and seed', () => {
    const system = { dropoutProb: 0.5, stragglerFraction: 0.3 };
    const plans = planRound(config(system), 5, sampled);
    expect(planRound(config(system), 5, sampled)).toEqual(plans);
    expect(planRound(config(system), 6, sampled)).not.toEqual(plans);
    expect(planRound(config(system, 1), 5, sampled)).not.toEqual(plans);
  });
});
