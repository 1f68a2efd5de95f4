// The stage rendered to HTML from the studio's store after real run-session and config-edit steps (the coordinator
// mocked). Server rendering reads a zustand store's initial state, so the store hook here reads its current state.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../core/config/schema';
import type { EngineEvent } from '../../../core/engine/events';
import type { RoundMetrics } from '../../../core/report/metrics';
import { replaceConfig } from '../../lib/configEdit';
import { runOrResume } from '../../lib/runSession';
import { idleRun, useStudio, type StudioState } from '../../lib/store';
import { Stage } from './Stage';

vi.mock('../../lib/store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/store')>();
  const current = <T>(selector: (s: StudioState) => T): T => selector(actual.useStudio.getState());
  return { ...actual, useStudio: Object.assign(current, actual.useStudio) };
});

let emit: (event: EngineEvent) => void = () => undefined;
vi.mock('../../lib/coordinatorClient', () => ({
  coordinator: () => ({
    start: async (_configs: unknown, _workers: unknown, onEvent: (variant: number, e: EngineEvent) => void) => {
      emit = (event) => onEvent(0, event);
    },
    stop: async () => undefined,
  }),
}));

const tenClients = parseConfig({ rounds: 1, partition: { numClients: 10 } });
const twentyClients = parseConfig({ rounds: 1, partition: { numClients: 20 } });
const environment = { backend: 'wasm', simd: true, workers: 1, runtime: 'browser' } as const;

function partition(numClients: number) {
  return {
    counts: Array.from({ length: numClients }, () => [10]),
    sizes: new Array<number>(numClients).fill(10),
    hellinger: new Array<number>(numClients).fill(0),
    meanHellinger: 0,
  };
}

function round(r: number, clientIds: number[]): RoundMetrics {
  return {
    round: r,
    testAccuracy: 0.5,
    testLoss: 1,
    federatedAccuracy: NaN,
    durationMs: 10,
    bytesUp: 0,
    bytesDown: 0,
    clients: clientIds.map((id) => ({ id, numExamples: 10, trainLoss: 1, localAccuracy: 0.8, updateNorm: 1, dropped: false, straggler: false })),
  };
}

/** The client grid's cells, as data-state values by id. */
function gridCells(): string[] {
  const html = renderToString(createElement(Stage));
  const grid = /data-testid="client-grid"[\s\S]*$/.exec(html)?.[0] ?? '';
  return Array.from(grid.matchAll(/data-id="(\d+)" data-state="(\w+)"/g), (m) => m[2]);
}

/** A 10-client run of one round, finished. */
async function finishTenClientRun(): Promise<void> {
  await runOrResume();
  emit({ type: 'run-started', config: tenClients, partition: partition(10), environment });
  emit({ type: 'round-done', metrics: round(0, []) });
  emit({ type: 'round-started', round: 1, sampled: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], dropped: [] });
  for (let id = 0; id < 10; id++) emit({ type: 'client-done', round: 1, clientId: id });
  emit({ type: 'round-done', metrics: round(1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) });
  emit({ type: 'run-finished', reason: 'completed', message: '', rounds: 1 });
  vi.advanceTimersByTime(2_000);
  expect(useStudio.getState().run.status).toBe('finished');
}

beforeEach(() => {
  vi.useFakeTimers();
  useStudio.setState({
    config: tenClients,
    poolSize: null,
    partition: { stats: partition(10), error: null },
    run: idleRun(1),
    rounds: [],
    clientStates: [],
    lastAccuracy: [],
    ghosts: [],
    undo: null,
    variants: [],
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Stage client grid', () => {
  it('before any run: one idle cell per configured client', () => {
    expect(gridCells()).toEqual(new Array<string>(10).fill('idle'));
  });

  it('after a 10-client run, a 20-client experiment shows 20 idle cells before its run', async () => {
    await finishTenClientRun();
    expect(gridCells()).toEqual(new Array<string>(10).fill('done'));

    replaceConfig(twentyClients, 'the preset');
    await vi.waitFor(() => expect(useStudio.getState().config).toBe(twentyClients));
    expect(useStudio.getState().run.status).toBe('idle');
    expect(gridCells()).toEqual(new Array<string>(20).fill('idle'));
  });

  it('never shows client states of a run of another size (they belong to another experiment)', async () => {
    await finishTenClientRun();
    useStudio.setState({ config: twentyClients, partition: { stats: partition(20), error: null } });
    expect(gridCells()).toEqual(new Array<string>(20).fill('idle'));
  });
});
