import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/schema';
import type { RoundMetrics } from '../../../core/report/metrics';
import { describeDecision, isOmniscientAttack, latestDecisionText, maliciousFlags } from './attackView';

const round = (r: number, clients: RoundMetrics['clients']): RoundMetrics => ({
  round: r,
  testAccuracy: 0.5,
  testLoss: 1,
  federatedAccuracy: Number.NaN,
  durationMs: 1,
  bytesUp: 0,
  bytesDown: 0,
  clients,
});
const client = (id: number, decision?: RoundMetrics['clients'][number]['decision'], dropped = false) => ({
  id,
  numExamples: 10,
  trainLoss: 1,
  localAccuracy: 0.5,
  updateNorm: 1,
  dropped,
  straggler: false,
  decision,
});

describe('attackView', () => {
  it('flags exactly the configured number of attackers, none without an attack', () => {
    const flags = maliciousFlags(parseConfig({ partition: { numClients: 20 }, attack: { kind: 'sign-flip', count: 4 } }));
    expect(flags).toHaveLength(20);
    expect(flags.filter(Boolean)).toHaveLength(4);
    const byFraction = maliciousFlags(parseConfig({ partition: { numClients: 20 }, attack: { kind: 'gaussian', fraction: 0.25 } }));
    expect(byFraction.filter(Boolean)).toHaveLength(5);
    expect(maliciousFlags(parseConfig({ partition: { numClients: 20 } })).some(Boolean)).toBe(false);
  });

  it('omniscient: ALIE, IPM and sign flip only with signFlipOmniscient', () => {
    const attack = (a: object) => parseConfig({ attack: a }).attack;
    expect(isOmniscientAttack(attack({ kind: 'alie' }))).toBe(true);
    expect(isOmniscientAttack(attack({ kind: 'ipm' }))).toBe(true);
    expect(isOmniscientAttack(attack({ kind: 'sign-flip' }))).toBe(false);
    expect(isOmniscientAttack(attack({ kind: 'sign-flip', signFlipOmniscient: true }))).toBe(true);
    expect(isOmniscientAttack(attack({ kind: 'backdoor' }))).toBe(false);
    expect(isOmniscientAttack(attack({ kind: 'none' }))).toBe(false);
  });

  it('describes decisions in a fixed order and skips what was not recorded', () => {
    expect(describeDecision(undefined)).toBeNull();
    expect(describeDecision({})).toBeNull();
    expect(describeDecision({ selected: false })).toBe('not selected');
    expect(describeDecision({ trimmedFraction: 0.125, clipped: true })).toBe('trimmed 13% · clipped');
    expect(describeDecision({ selected: true, weight: 0.05 })).toBe('selected · weight 0.05');
  });

  it('reads the decision of a client reported in the given round only', () => {
    const r = round(3, [client(1, { selected: true }), client(2, { selected: false }, true), client(4)]);
    expect(latestDecisionText(r, 1)).toBe('round 3: selected');
    expect(latestDecisionText(r, 2)).toBeNull();
    expect(latestDecisionText(r, 4)).toBeNull();
    expect(latestDecisionText(r, 7)).toBeNull();
    expect(latestDecisionText(undefined, 1)).toBeNull();
  });
});
