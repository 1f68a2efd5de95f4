// The line search of ByzFL's optimal attacks (Optimal_ALittleIsEnough, Optimal_InnerProductManipulation, after
// Allouah et al. 2023): the attack factor τ ≥ start that drives the aggregate farthest from the honest mean, found
// by an expansion phase (steps doubling while they improve) and a contraction phase (steps shrinking by the ratio).
import { z } from 'zod';
import { param } from '../plugin';
import { coordinateMean } from './stats';
import type { ModelAttackContext } from './types';

/** ByzFL's defaults: evals = 20, start = 0, delta = 10, ratio = 0.8. */
export const LINE_SEARCH_DEFAULTS = { evals: 20, start: 0, delta: 10, ratio: 0.8 };

/** The search's parameters, one schema object each, shared by every optimal attack. */
export const lineSearchParams = {
  optEvals: param(z.number().int().min(1).max(200).optional(), {
    label: 'Search evaluations',
    help: 'Optimal attacks: at most this many aggregations per round while searching the attack factor τ.',
    defaultLabel: `${LINE_SEARCH_DEFAULTS.evals} (ByzFL)`,
  }),
  optStart: param(z.number().min(-1_000).max(1_000).optional(), {
    label: 'Search start τ₀',
    help: 'Optimal attacks: the first attack factor tried; the search only moves up from it.',
    defaultLabel: `${LINE_SEARCH_DEFAULTS.start} (ByzFL)`,
  }),
  optDelta: param(z.number().min(1e-3).max(1e4).optional(), {
    label: 'Search step Δ',
    help: 'Optimal attacks: the first step; doubled after each improvement, then shrunk by the ratio.',
    log: true,
    defaultLabel: `${LINE_SEARCH_DEFAULTS.delta} (ByzFL)`,
  }),
  optRatio: param(z.number().min(0.51).max(0.99).optional(), {
    label: 'Search ratio',
    help: 'Optimal attacks: the step shrinks by this factor once a step fails to improve.',
    step: 0.01,
    defaultLabel: `${LINE_SEARCH_DEFAULTS.ratio} (ByzFL)`,
  }),
};

type LineSearchParams = { [K in keyof typeof lineSearchParams]?: number };

/**
 * The τ among the tried ones with the largest objective (the first on ties): τ₀, then τ ← best + Δ with Δ doubling
 * while τ improves; after the first failure Δ ← ratio·Δ and every remaining evaluation tries best + Δ, shrinking Δ by
 * the ratio each time. As ByzFL's optimal attacks, it never tries below the best τ.
 */
export function lineSearch(objective: (tau: number) => number, params: LineSearchParams = {}): number {
  const { evals, start, delta: delta0, ratio } = {
    evals: params.optEvals ?? LINE_SEARCH_DEFAULTS.evals,
    start: params.optStart ?? LINE_SEARCH_DEFAULTS.start,
    delta: params.optDelta ?? LINE_SEARCH_DEFAULTS.delta,
    ratio: params.optRatio ?? LINE_SEARCH_DEFAULTS.ratio,
  };
  let best = start;
  let bestY = objective(best);
  let delta = delta0;
  let remaining = evals - 1;
  while (remaining > 0) {
    const x = best + delta;
    const y = objective(x);
    remaining--;
    if (y > bestY) {
      [best, bestY] = [x, y];
      delta *= 2;
    } else {
      delta *= ratio;
      break;
    }
  }
  for (; remaining > 0; remaining--) {
    const x = best + delta;
    const y = objective(x);
    if (y > bestY) [best, bestY] = [x, y];
    delta *= ratio;
  }
  return best;
}

/** ‖a − b‖₂, accumulated in Float64 (NaN when a has NaN; +∞ when it has ±∞). */
function distance(a: Float32Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

/** The searched update of each round, keyed by its context: every malicious client of a round sends the same one. */
const searched = new WeakMap<object, Float32Array>();

/**
 * The update `attackWith(τ)` for the τ whose aggregate (the configured aggregator on the honest updates and every
 * malicious client sending it, ctx.aggregate) is farthest from the honest mean; searched once per round.
 */
export function optimalUpdate(
  name: string,
  ctx: ModelAttackContext<LineSearchParams>,
  attackWith: (tau: number) => Float32Array,
): Float32Array {
  const { aggregate } = ctx;
  if (!aggregate) throw new Error(`the ${name} attack searches against the round's aggregator: its context has no aggregate()`);
  let update = searched.get(ctx);
  if (!update) {
    const honestMean = coordinateMean(ctx.honest);
    update = attackWith(lineSearch((tau) => distance(aggregate(attackWith(tau)), honestMean), ctx.attack));
    searched.set(ctx, update);
  }
  return update.slice();
}
