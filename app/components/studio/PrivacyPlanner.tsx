'use client';
import { clientsPerRound } from '../../../core/config/derived';
import { Sparkline } from '../viz';
import { formatDelta, formatEpsilon } from '../viz/format';
import { SERIES_COLORS } from '../viz/palette';
import { planText } from '../viz/PrivacyChart';
import { useStudio } from '../../lib/store';
import { usePrivacyPlan } from '../../lib/usePrivacyPlan';
import styles from './ConfigPanel.module.css';

/** The accountant before running: ε after the planned rounds, recomputed as z, q (sampling) or rounds move. */
export function PrivacyPlanner() {
  const config = useStudio((s) => s.config);
  const plan = usePrivacyPlan();
  if (!plan) return null;
  const { privacy, rounds } = config;
  const q = clientsPerRound(config) / config.partition.numClients;
  const detail =
    privacy.mode === 'central'
      ? `q = ${+q.toPrecision(3)} of clients per round, z = ${privacy.noiseMultiplier}`
      : privacy.mode === 'local'
        ? `local ε = ${privacy.localEpsilon} per round, composed over rounds`
        : 'worst client: the smallest, in every round';
  const main = plan.final.epsilon ?? plan.final.exampleEpsilon;
  return (
    <div className={styles.planner} data-testid="privacy-plan" data-epsilon={main}>
      <div>
        <strong>Planned after {rounds} rounds:</strong> {planText(plan.final) || 'waiting for the partition (client sizes)…'}
      </div>
      <Sparkline
        values={plan.curve.map((p) => p.epsilon ?? p.exampleEpsilon ?? NaN)}
        width={220}
        height={28}
        color={SERIES_COLORS.epsilon}
        label={`ε grows to ${formatEpsilon(main)} over ${rounds} rounds`}
      />
      <div className={styles.plannerDetail}>
        at δ = {formatDelta(privacy.delta)} · {detail}
      </div>
    </div>
  );
}
