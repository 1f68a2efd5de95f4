import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, parseConfig } from '../../core/config/schema';
import { cancelPendingChange, confirmPendingChange, replaceConfig, requestChange } from './configEdit';
import { idleRun, useStudio } from './store';

const stop = vi.fn(async () => undefined);
vi.mock('./coordinatorClient', () => ({ coordinator: () => ({ stop }) }));

beforeEach(() => {
  stop.mockClear();
  useStudio.setState({ config: defaultConfig(), fieldErrors: {}, pendingChange: null, run: idleRun(10), rounds: [] });
});

describe('requestChange', () => {
  it('applies a valid change at once when no run exists', () => {
    requestChange('partition.alpha', 0.2, 'Dirichlet α');
    expect(useStudio.getState().config.partition.alpha).toBe(0.2);
  });

  it('rejects an out-of-range value with the schema message and keeps the config', () => {
    requestChange('partition.alpha', -1, 'Dirichlet α');
    const state = useStudio.getState();
    expect(state.config.partition.alpha).toBe(0.5);
    expect(state.fieldErrors['partition.alpha']).toBe('must be ≥ 0.001 (got -1)');
    requestChange('partition.alpha', 2, 'Dirichlet α');
    expect(useStudio.getState().fieldErrors).toEqual({});
  });

  it('keeps dependent fields valid: fewer clients lowers min clients, a 2-D dataset swaps the CNN for the MLP', () => {
    requestChange('partition.numClients', 1, 'Clients');
    expect(useStudio.getState().config.sampling.minClients).toBe(1);
    useStudio.setState({ config: parseConfig({ model: { kind: 'cnn' } }) });
    requestChange('data.dataset', 'moons', 'Dataset');
    expect(useStudio.getState().config.model.kind).toBe('mlp');
  });

  it('updates the idle run length with the rounds setting', () => {
    requestChange('rounds', 3, 'Rounds');
    expect(useStudio.getState().run.totalRounds).toBe(3);
  });

  it('asks before a change that would clear a run, and applies it only when confirmed', async () => {
    useStudio.setState({ run: { ...idleRun(10), status: 'paused', round: 4 } });
    requestChange('train.lr', 0.1, 'Learning rate');
    expect(useStudio.getState().config.train.lr).toBe(0.05);
    expect(useStudio.getState().pendingChange?.what).toBe('Learning rate');

    cancelPendingChange();
    expect(useStudio.getState().pendingChange).toBeNull();
    expect(useStudio.getState().run.status).toBe('paused');

    requestChange('train.lr', 0.1, 'Learning rate');
    confirmPendingChange();
    await vi.waitFor(() => expect(useStudio.getState().config.train.lr).toBe(0.1));
    expect(stop).toHaveBeenCalledOnce();
    expect(useStudio.getState().run).toEqual(idleRun(10));
  });

  it('asks before replacing the experiment (a preset) over a finished run', () => {
    useStudio.setState({ run: { ...idleRun(10), status: 'finished', round: 10 } });
    replaceConfig(parseConfig({ rounds: 5 }), 'the preset');
    expect(useStudio.getState().pendingChange?.what).toBe('the preset');
    expect(useStudio.getState().config.rounds).toBe(10);
  });
});
