'use client';
import { useDeferredValue, useMemo } from 'react';
import { Stat } from '../viz';
import { formatDelta, formatEpsilon } from '../viz/format';
import { spentEpsilon } from '../viz/series';
import { useStudio } from '../../lib/store';
import styles from './Stage.module.css';

/** The few numbers a class watches: accuracy now, loss, the data skew, time per round, attack success and ε if any. */
export function HeadlineStats() {
  const rounds = useDeferredValue(useStudio((s) => s.rounds));
  const skew = useStudio((s) => s.partition.stats?.meanHellinger);
  const delta = useStudio((s) => s.config.privacy.delta);
  const last = rounds.at(-1);
  const trend = useMemo(() => rounds.map((r) => r.testAccuracy).filter(Number.isFinite), [rounds]);
  const attackTrend = useMemo(() => rounds.map((r) => r.attackSuccess ?? Number.NaN).filter(Number.isFinite), [rounds]);
  return (
    <div className={styles.stats}>
      <Stat label="Test accuracy" value={last?.testAccuracy} format="percent" trend={trend} testId="stat-accuracy" />
      <Stat label="Test loss" value={last?.testLoss} format="number" />
      <Stat label="Federated accuracy" value={last?.federatedAccuracy} format="percent" />
      {attackTrend.length > 0 && (
        <Stat label="Attack success" value={attackTrend.at(-1)} format="percent" trend={attackTrend} hint="on triggered / targeted test inputs" testId="stat-attack-success" />
      )}
      {last && spentEpsilon(last) !== undefined && (
        <Stat label="ε spent" value={formatEpsilon(spentEpsilon(last))} hint={`at δ = ${formatDelta(delta)}`} testId="stat-epsilon" />
      )}
      <Stat label="Label skew" value={skew} format="number" hint="mean Hellinger (0 = IID, 1 = disjoint)" />
      <Stat label="Round time" value={last && last.round > 0 ? last.durationMs : undefined} format="duration" />
    </div>
  );
}
