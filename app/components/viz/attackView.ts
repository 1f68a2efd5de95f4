/** Pure helpers for showing attacks in the studio: who attacks, whether the attack is omniscient, decisions as text. */
import type { AggregationDecision } from '../../../core/aggregate/types';
import { maliciousClients } from '../../../core/attack/malicious';
import { attackPlugin } from '../../../core/attack/registry';
import type { ExperimentConfig } from '../../../core/config/schema';
import type { RoundMetrics } from '../../../core/report/metrics';
import { formatNumber, formatPercent, isFiniteNumber } from './format';

/** One flag per client (index = client id): true for the configured attackers. */
export function maliciousFlags(config: ExperimentConfig): boolean[] {
  const set = maliciousClients(config);
  return Array.from({ length: config.partition.numClients }, (_, id) => set.has(id));
}

/** Whether the attack sees the round's honest updates (ALIE, IPM, omniscient sign flip, …), as its plugin says. */
export function isOmniscientAttack(attack: ExperimentConfig['attack']): boolean {
  return attackPlugin(attack.kind).omniscient?.(attack as never) ?? false;
}

/** What the aggregator did with one update, e.g. "selected · trimmed 12% · weight 0.05"; null when nothing was recorded. */
export function describeDecision(decision: AggregationDecision | undefined): string | null {
  if (!decision) return null;
  const parts: string[] = [];
  if (decision.selected !== undefined) parts.push(decision.selected ? 'selected' : 'not selected');
  if (isFiniteNumber(decision.trimmedFraction)) parts.push(`trimmed ${formatPercent(decision.trimmedFraction, 0)}`);
  if (decision.clipped !== undefined) parts.push(decision.clipped ? 'clipped' : 'not clipped');
  if (isFiniteNumber(decision.weight)) parts.push(`weight ${formatNumber(decision.weight, 3)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The aggregator's decision about `clientId` in `round` as text ("round 3: selected · weight 0.05"), or null. */
export function latestDecisionText(round: RoundMetrics | undefined, clientId: number): string | null {
  const c = round?.clients.find((x) => x.id === clientId && !x.dropped);
  const text = describeDecision(c?.decision);
  return round && text ? `round ${round.round}: ${text}` : null;
}
