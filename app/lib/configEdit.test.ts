import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, parseConfig } from '../../core/config/schema';
import { plainRound } from '../components/viz/testFixtures';
import { clearGhosts, currentSettings, replaceConfig, requestChange, undoReset } from './configEdit';
import { PRESETS } from './presets';
import { idleRun, useStudio } from './store';

const stop = vi.fn(async () => undefined);
const change = vi.fn(async (_set: Record<string, unknown>) => ({ ok: true as const, round: 4 }));
vi.mock('./coordinatorClient', () => ({ coordinator: () => ({ stop, change }) }));

const round = (r: number) => plainRound(r, 0.1 * r);

beforeEach(() => {
  stop.mockClear();
  useStudio.setState({
    config: defaultConfig(),
    fieldErrors: {},
    nameTyped: false,
    variants: [],
    ghosts: [],
    undo: null,
    run: idleRun(10),
    runs: [],
    runLabels: [],
    rounds: [],
  });
  change.mockClear();
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

  it('over a run, a change that needs a fresh run resets it at once, keeping its curves as a labelled ghost; Undo restores the config', () => {
    const rounds = [round(0), round(1), round(2)];
    const before = useStudio.getState().config;
    useStudio.setState({ run: { ...idleRun(10), status: 'finished', round: 2 }, runs: [rounds], rounds, runLabels: ['base'] });
    requestChange('partition.alpha', 0.1, 'Dirichlet α');
    let s = useStudio.getState();
    expect(s.config.partition.alpha).toBe(0.1);
    expect(stop).toHaveBeenCalledOnce();
    expect(s.run).toEqual(idleRun(10));
    expect(s.rounds).toEqual([]);
    expect(s.ghosts).toEqual([{ label: 'before: α = 0.5', variant: 0, rounds }]);
    expect(s.undo?.what).toBe('Dirichlet α');

    undoReset();
    s = useStudio.getState();
    expect(s.config).toBe(before);
    expect(s.undo).toBeNull();
    expect(s.ghosts).toHaveLength(1);
    clearGhosts();
    expect(useStudio.getState().ghosts).toEqual([]);
  });

  it('replaces the experiment (a preset) over a finished run without asking, the old run kept as a ghost', () => {
    const rounds = [round(0), round(1)];
    useStudio.setState({ run: { ...idleRun(10), status: 'finished', round: 1 }, runs: [rounds], rounds, runLabels: ['base'] });
    replaceConfig(parseConfig({ rounds: 5 }), 'the preset');
    expect(useStudio.getState().config.rounds).toBe(5);
    expect(useStudio.getState().run).toEqual(idleRun(5));
    expect(useStudio.getState().ghosts.map((g) => g.label)).toEqual(['before: Untitled experiment']);
  });

  it('a run without a completed round leaves no ghost (and keeps an earlier one)', () => {
    const ghosts = [{ label: 'before: α = 0.5', variant: 0, rounds: [round(0), round(1)] }];
    useStudio.setState({ ghosts, run: { ...idleRun(10), status: 'running' }, runs: [[round(0)]], rounds: [round(0)] });
    requestChange('partition.alpha', 0.2, 'Dirichlet α');
    expect(useStudio.getState().ghosts).toBe(ghosts);
  });

  it('while a run is running or paused, a live setting changes the federation (no reset): the config records the change', async () => {
    useStudio.setState({ run: { ...idleRun(10), status: 'paused', round: 3 } });
    requestChange('aggregator.name', 'median', 'Aggregator');
    await vi.waitFor(() => expect(useStudio.getState().config.schedule).toEqual([{ round: 4, set: { 'aggregator.name': 'median' } }]));
    const s = useStudio.getState();
    expect(change).toHaveBeenCalledWith({ 'aggregator.name': 'median' });
    expect(stop).not.toHaveBeenCalled();
    expect(s.run.status).toBe('paused');
    expect(s.config.aggregator.name).toBe('mean');
    expect(currentSettings(s.config).aggregator.name).toBe('median');
  });

  it('live changes landing on the same round merge into one scheduled change (a dragged slider)', async () => {
    useStudio.setState({ run: { ...idleRun(10), status: 'running', round: 3 } });
    requestChange('aggregator.name', 'trimmed-mean', 'Aggregator');
    await vi.waitFor(() => expect(useStudio.getState().config.schedule).toHaveLength(1));
    requestChange('aggregator.name', 'median', 'Aggregator');
    await vi.waitFor(() => expect(useStudio.getState().config.schedule).toEqual([{ round: 4, set: { 'aggregator.name': 'median' } }]));
  });

  it('a refused live change shows its message at the field', async () => {
    change.mockResolvedValueOnce({ ok: false, message: 'aggregator.f: must be ≤ 4' } as never);
    useStudio.setState({ run: { ...idleRun(10), status: 'running', round: 3 } });
    requestChange('aggregator.f', 9, 'f');
    await vi.waitFor(() => expect(useStudio.getState().fieldErrors['aggregator.f']).toBe('must be ≤ 4'));
  });

  it('never resets a run for the name', () => {
    useStudio.setState({ run: { ...idleRun(10), status: 'finished', round: 10 } });
    requestChange('name', 'Renamed', 'Name');
    expect(useStudio.getState().config.name).toBe('Renamed');
    expect(useStudio.getState().run.status).toBe('finished');
    expect(stop).not.toHaveBeenCalled();
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

  it('is marked by a change that resets a finished run, and Undo gives the name back', () => {
    useStudio.setState({ config: signFlip, run: { ...idleRun(10), status: 'finished', round: 10 } });
    requestChange('aggregator.name', 'median', 'Aggregator');
    expect(useStudio.getState().config.aggregator.name).toBe('median');
    expect(name()).toBe(`${signFlip.name} (modified)`);
    undoReset();
    expect(name()).toBe(signFlip.name);
  });
});
