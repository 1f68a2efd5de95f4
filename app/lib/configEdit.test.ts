import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, parseConfig } from '../../core/config/schema';
import { cancelPendingChange, confirmPendingChange, replaceConfig, requestChange } from './configEdit';
import { PRESETS } from './presets';
import { idleRun, useStudio } from './store';

const stop = vi.fn(async () => undefined);
vi.mock('./coordinatorClient', () => ({ coordinator: () => ({ stop }) }));

beforeEach(() => {
  stop.mockClear();
  useStudio.setState({
    config: defaultConfig(),
    fieldErrors: {},
    nameTyped: false,
    pendingChange: null,
    run: idleRun(10),
    rounds: [],
  });
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

describe('the experiment name follows edits', () => {
  const signFlip = PRESETS.find((p) => p.id === 'attack-signflip')!.config;
  const name = () => useStudio.getState().config.name;

  it('is marked as modified, once, when another setting of a loaded preset changes', () => {
    replaceConfig(signFlip, 'the preset');
    expect(name()).toBe('MNIST · FedAvg under 20% sign-flipping attackers');
    requestChange('aggregator.name', 'median', 'Aggregator');
    expect(useStudio.getState().config.aggregator.name).toBe('median');
    expect(name()).toBe('MNIST · FedAvg under 20% sign-flipping attackers (modified)');
    requestChange('rounds', 3, 'Rounds');
    expect(name()).toBe('MNIST · FedAvg under 20% sign-flipping attackers (modified)');
  });

  it('keeps a name the user typed, until the next preset or link sets the name as given', () => {
    replaceConfig(signFlip, 'the preset');
    requestChange('name', 'Median vs sign-flip', 'Name');
    requestChange('aggregator.name', 'median', 'Aggregator');
    expect(name()).toBe('Median vs sign-flip');

    replaceConfig(parseConfig({ name: 'From a link', rounds: 4 }), 'the experiment from the link');
    expect(name()).toBe('From a link');
    requestChange('rounds', 5, 'Rounds');
    expect(name()).toBe('From a link (modified)');
  });

  it('stays as it is for the default name, an edit that changes nothing, or an invalid edit', () => {
    requestChange('rounds', 3, 'Rounds');
    expect(name()).toBe('Untitled experiment');
    replaceConfig(signFlip, 'the preset');
    requestChange('rounds', signFlip.rounds, 'Rounds');
    requestChange('partition.alpha', -1, 'Dirichlet α');
    expect(name()).toBe(signFlip.name);
  });

  it('stays within the schema’s length', () => {
    replaceConfig(parseConfig({ name: 'x'.repeat(200) }), 'the preset');
    requestChange('rounds', 3, 'Rounds');
    expect(name()).toHaveLength(200);
    expect(name()).toMatch(/^x+ \(modified\)$/);
    expect(useStudio.getState().config.rounds).toBe(3);
  });

  it('is marked with the change it belongs to: "Keep the run" leaves it, "Reset and apply" marks it', async () => {
    useStudio.setState({ config: signFlip, run: { ...idleRun(10), status: 'finished', round: 10 } });
    requestChange('aggregator.name', 'median', 'Aggregator');
    cancelPendingChange();
    expect(name()).toBe(signFlip.name);
    requestChange('aggregator.name', 'median', 'Aggregator');
    confirmPendingChange();
    await vi.waitFor(() => expect(useStudio.getState().config.aggregator.name).toBe('median'));
    expect(name()).toBe(`${signFlip.name} (modified)`);
  });
});
