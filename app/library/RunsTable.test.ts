import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../shared/library/records';
import { RunsTable } from './RunsTable';

const run = (id: string, group?: RunSummary['group']): RunSummary => ({
  id,
  experimentId: `e-${id}`,
  name: `Duel · ${id}`,
  notes: '',
  createdAt: 0,
  params: { dataset: 'mnist', partition: 'iid', strategy: 'fedavg', aggregator: 'mean', attack: 'sign-flip', dp: 'none' },
  environment: { backend: 'wasm', simd: true, workers: 1, runtime: 'browser' },
  durationMs: 1000,
  roundsCompleted: 3,
  roundsPlanned: 3,
  finalAccuracy: 0.5,
  finalLoss: 1,
  ...(group && { group }),
});

const render = (runs: RunSummary[]) =>
  renderToString(createElement(RunsTable, { runs, selected: [], onToggle: () => undefined, onDelete: () => undefined }));

describe('RunsTable', () => {
  it('names a variant of a run group and links its group to the compare page, base first', () => {
    // Newest first: the median variant was saved after the base.
    const html = render([run('b', { id: 'g1', index: 1, label: 'median' }), run('a', { id: 'g1', index: 0, label: 'mean' }), run('c')]);
    expect(html).toContain('variant “median” of a run group');
    expect(html).toContain('variant “mean” of a run group');
    expect(html.match(/href="\/compare\?ids=a,b"/g)).toHaveLength(2);
    expect(html.match(/data-testid="run-group"/g)).toHaveLength(2);
  });
});
