// Parameters and round-size bounds several robust rules share; each is one schema object, listed by every plugin
// that reads it (core/plugin.ts merges them into the one aggregator.f).
import { z } from 'zod';
import { param } from '../plugin';
import type { RoundNeed } from './types';

/** f: a count, not a fraction, of Byzantine updates per round the rule must tolerate. */
export const byzantineCount = param(z.number().int().min(0).max(250).default(2), {
  label: 'f (Byzantine count)',
  help: 'Number of Byzantine updates per round to tolerate (a count, as in ByzFL).',
});

/**
 * The bound n ≥ perF·f + plus of a rule that tolerates f Byzantine updates among n (Krum's n > 2f + 2 is
 * n ≥ 2f + 3), with the fixes: sample more, or lower f.
 */
export function byzantineBound(rule: string, perF: number, plus: number, f: number): RoundNeed {
  const need = perF * f + plus;
  return {
    need,
    why: `${rule} needs at least ${perF === 1 ? '' : perF}f + ${plus} = ${need} updates per round (f = ${f})`,
    fix(n, sampleMore) {
      const maxF = Math.floor((n - plus) / perF);
      return `${sampleMore}${maxF >= 0 ? ` or lower aggregator.f to ≤ ${maxF}` : ''}`;
    },
  };
}
