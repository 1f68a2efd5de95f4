'use client';
import { useMemo } from 'react';
import { privacyEnabled, privacyPlan, type PrivacySpent } from '../../core/privacy/ledger';
import { useStudio } from './store';

const CURVE_POINTS = 40;

export interface PrivacyPlanView {
  /** ε after the configured rounds. */
  final: PrivacySpent;
  /** ε after 0, R/40, 2R/40, … R rounds, for a sparkline. */
  curve: PrivacySpent[];
}

/** The accountant's plan for the current config (null without DP), recomputed as the config or the partition changes. */
export function usePrivacyPlan(): PrivacyPlanView | null {
  const config = useStudio((s) => s.config);
  const sizes = useStudio((s) => s.partition.stats?.sizes);
  return useMemo(() => {
    if (!privacyEnabled(config.privacy)) return null;
    const at = privacyPlan(config, sizes ?? []);
    const { rounds } = config;
    return {
      final: at(rounds),
      curve: Array.from({ length: CURVE_POINTS + 1 }, (_, i) => at(Math.round((i * rounds) / CURVE_POINTS))),
    };
  }, [config, sizes]);
}
