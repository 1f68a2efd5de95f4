import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, defaultConfig } from '../../core/config/schema';
import type { PartitionPreview } from '../../workers/coordinator.worker';
import { requestChange } from './configEdit';
import { describePreflight, preflight, runWhenReady } from './preflight';
import { idleRun, useStudio } from './store';

const calls: string[] = [];
let preview: PartitionPreview = { ok: true, stats: { counts: [], sizes: [], hellinger: [], meanHellinger: 0 } };
vi.mock('./coordinatorClient', () => ({
  coordinator: () => ({
    previewPartition: async () => preview,
    start: async (_config: unknown, _workers: unknown, _onEvent: unknown, mode: string) => void calls.push(`start:${mode}`),
  }),
}));

const BULYAN =
  'Bulyan needs at least 4f + 3 = 11 updates per round (f = 2), but this experiment samples 10 of 20 clients — ' +
  'raise sampling.fraction to ≥ 0.55 or lower aggregator.f to ≤ 1 (got "bulyan")';
const DIRICHLET = new ConfigError([
  { path: 'partition.alpha', message: 'Dirichlet(α=0.001) left some client below minPartitionSize=10 examples: raise partition.alpha' },
]).message;

beforeEach(() => {
  calls.length = 0;
  preview = { ok: true, stats: { counts: [], sizes: [], hellinger: [], meanHellinger: 0 } };
  useStudio.setState({ config: defaultConfig(), fieldErrors: {}, partition: { stats: null, error: null }, run: idleRun(10) });
});

describe('a setting that breaks a rule between fields', () => {
  it('is applied, shows the schema’s message on its field, and keeps Run from starting', async () => {
    requestChange('aggregator.name', 'bulyan', 'Aggregator');
    const state = useStudio.getState();
    expect(state.config.aggregator.name).toBe('bulyan');
    expect(state.fieldErrors).toEqual({});
    expect(preflight(state).byPath).toEqual({ 'aggregator.name': BULYAN });
    expect(describePreflight(preflight(state))).toBe(`aggregator.name: ${BULYAN}`);

    await runWhenReady('run');
    expect(calls).toEqual([]);

    // Fixing the other side of the rule (f = 1 needs 7 ≤ 10) clears it, and Run starts.
    requestChange('aggregator.f', 1, 'f');
    expect(preflight(useStudio.getState()).issues).toEqual([]);
    await runWhenReady('run');
    expect(calls).toEqual(['start:run']);
  });

  it('gives the same answer object while nothing changed (a stable store selector)', () => {
    requestChange('aggregator.name', 'bulyan', 'Aggregator');
    expect(preflight(useStudio.getState())).toBe(preflight(useStudio.getState()));
  });
});

describe('a partition the data cannot make', () => {
  it('shows the preview’s message on the partition field it names and keeps Run from starting', async () => {
    useStudio.setState({ partition: { stats: null, error: DIRICHLET } });
    expect(preflight(useStudio.getState()).byPath).toEqual({
      'partition.alpha': 'Dirichlet(α=0.001) left some client below minPartitionSize=10 examples: raise partition.alpha',
    });
    await runWhenReady('step');
    expect(calls).toEqual([]);
  });

  it('is checked again at Run, so a preview still computing the last edit cannot let it reach the workers', async () => {
    preview = { ok: false, message: DIRICHLET };
    await runWhenReady('run');
    expect(calls).toEqual([]);
    expect(useStudio.getState().partition.error).toBe(DIRICHLET);
  });
});
