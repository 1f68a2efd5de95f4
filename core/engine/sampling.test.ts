import { describe, expect, it } from 'vitest';
import { clientsPerRound } from '../config/derived';
import { parseConfig } from '../config/schema';
import { sampleClients } from './sampling';

const config = (numClients: number, fraction: number, minClients = 2, seed = 42) =>
  parseConfig({ seed, partition: { numClients }, sampling: { fraction, minClients } });

describe('client sampling', () => {
  it('samples max(floor(N·fraction), minClients) clients', () => {
    expect(clientsPerRound(config(20, 0.5))).toBe(10);
    expect(clientsPerRound(config(20, 0.34))).toBe(6); // floor(6.8)
    expect(clientsPerRound(config(20, 0.01, 3))).toBe(3);
    expect(clientsPerRound(config(5, 1))).toBe(5);
    expect(clientsPerRound(config(100, 0.29))).toBe(29); // 100·0.29 is 28.999…96 in floating point
  });

  it('returns distinct, sorted client ids in range', () => {
    const ids = sampleClients(config(50, 0.3), 1);
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(ids.every((id) => id >= 0 && id < 50)).toBe(true);
  });

  it('is reproducible per (seed, round) and changes with either', () => {
    const cfg = config(50, 0.2);
    expect(sampleClients(cfg, 3)).toEqual(sampleClients(config(50, 0.2), 3));
    expect(sampleClients(cfg, 3)).not.toEqual(sampleClients(cfg, 4));
    expect(sampleClients(cfg, 3)).not.toEqual(sampleClients(config(50, 0.2, 2, 7), 3));
  });

  it('is uniform: every client is picked in about k/N of the rounds', () => {
    const cfg = config(10, 0.3);
    const picks = new Array<number>(10).fill(0);
    const rounds = 4000;
    for (let r = 1; r <= rounds; r++) for (const id of sampleClients(cfg, r)) picks[id]++;
    // Expected 1200 per client; binomial sd ≈ 29, so ±120 is > 4 sd.
    for (const count of picks) expect(Math.abs(count - 1200)).toBeLessThan(120);
  });
});
