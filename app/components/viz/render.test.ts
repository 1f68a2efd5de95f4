import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AccuracyChart,
  BytesChart,
  ClientDetail,
  ClientGrid,
  ClientSpreadChart,
  DecisionBoundary,
  LossChart,
  PartitionHeatmap,
  RoundTimeChart,
  Sparkline,
  Stat,
  UpdateNormScatter,
  type ClientState,
} from './index';
import { countsSignature } from './signature';
import { fakeBoundary, fakePartition, fakeRounds } from './testFixtures';

function render<P extends object>(component: ComponentType<P>, props: P): string {
  const html = renderToString(createElement(component, props));
  expect(html).not.toMatch(/NaN|undefined|Infinity/);
  return html;
}

const attr = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];

const partition = fakePartition(100, 10, 0.3);
const rounds = fakeRounds(30, 100, 10);
const charts = [AccuracyChart, LossChart, ClientSpreadChart, UpdateNormScatter, BytesChart, RoundTimeChart] as const;

describe('viz components render on the server without NaN', () => {
  it('live charts: empty state before a run, titled figures during one', () => {
    for (const Chart of charts) {
      const empty = render(Chart, { rounds: [] });
      expect(empty).toContain('Run the experiment to see');
      // The hidden preview plot (previewRounds.ts) never reaches the header: no latest value, total or mean.
      expect(empty).not.toMatch(/latest|total|mean/);
      const full = render(Chart, { rounds });
      expect(full).toMatch(/<figure aria-labelledby="[^"]+"/);
      expect(full).not.toContain('Run the experiment to see');
    }
  });

  it('accuracy chart exposes its point count and latest accuracy', () => {
    const html = render(AccuracyChart, { rounds });
    expect(html).toContain('data-testid="accuracy-chart"');
    expect(attr(html, 'data-points')).toBe('30');
    expect(Number(attr(html, 'data-last-accuracy'))).toBeCloseTo(rounds[30].testAccuracy, 12);
    const initialOnly = render(AccuracyChart, { rounds: rounds.slice(0, 1) });
    expect(attr(initialOnly, 'data-points')).toBe('0');
    expect(attr(render(AccuracyChart, { rounds: [] }), 'data-points')).toBe('0');
    expect(initialOnly).toContain('Initial model: 10.0% test accuracy');
  });

  it('client spread explains a run without federated evaluation', () => {
    const html = render(ClientSpreadChart, { rounds: fakeRounds(5, 20, 4, 1, false) });
    expect(html).toContain('federated evaluation is off');
  });

  it('partition heatmap carries a signature of the counts and the skew', () => {
    const html = render(PartitionHeatmap, { stats: partition });
    expect(html).toContain('data-testid="partition-heatmap"');
    expect(attr(html, 'data-signature')).toBe(countsSignature(partition.counts));
    expect(html).toContain(`>${partition.meanHellinger.toFixed(2)}<`);
    expect(html).toContain('<canvas');
    const empty = render(PartitionHeatmap, { stats: null });
    expect(attr(empty, 'data-signature')).toBe('');
    expect(empty).not.toContain('<canvas');
  });

  it('client grid renders one labelled button per client with a single tab stop', () => {
    const states: Record<number, ClientState> = { 0: 'sampled', 1: 'training', 2: 'done', 3: 'dropped' };
    const lastAccuracy = [0.5, Number.NaN, 0.9];
    const html = render(ClientGrid, { numClients: 100, states, lastAccuracy, selected: 2, malicious: [false, true] });
    expect(html.match(/<button/g)).toHaveLength(100);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Client 2: done, last accuracy 90.0%"');
    expect(html).toContain('aria-label="Client 1: training, attacker"');
    expect(html.match(/data-malicious="true"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Client 3: dropped out"');
    expect(html).toMatch(/data-id="2"[^>]*aria-pressed="true"/);
  });

  it('client grid of a large federation is one canvas with one tab stop, not a button per client (issue 14)', () => {
    const html = render(ClientGrid, { numClients: 500, states: { 0: 'done' }, selected: 2, malicious: [false, true] });
    expect(html).not.toContain('<button');
    expect(html.match(/<canvas/g)).toHaveLength(1);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(attr(html, 'data-clients')).toBe('500');
    expect(html).toContain('aria-label="500 clients; arrow keys move, Enter selects"');
    // The legend still counts every client.
    expect(html).toMatch(/idle(<!-- -->)? ?<span[^>]*>499</);
  });

  it('attack run: attacker points counted, attack success in the legend, decision and mark in client detail', () => {
    const attacked = rounds.map((r) => ({
      ...r,
      attackSuccess: r.round > 0 ? 0.3 : undefined,
      clients: r.clients.map((c) => ({ ...c, malicious: c.id % 5 === 0, cosineToAggregate: c.id % 5 === 0 ? -0.5 : 0.8, decision: { selected: c.id % 5 !== 0 } })),
    }));
    const reported = attacked.flatMap((r) => r.clients.filter((c) => !c.dropped));
    const bad = reported.filter((c) => c.malicious).length;
    const cosine = render(UpdateNormScatter, { rounds: attacked, metric: 'cosineToAggregate' as const });
    expect(attr(cosine, 'data-testid')).toBe('cosine-scatter');
    expect(attr(cosine, 'data-malicious-points')).toBe(String(bad));
    expect(cosine).toContain('attacker');
    expect(attr(render(UpdateNormScatter, { rounds }), 'data-malicious-points')).toBe('0');
    expect(render(AccuracyChart, { rounds: attacked })).toContain('attack success');
    expect(render(AccuracyChart, { rounds })).not.toContain('attack success');
    const last = attacked[attacked.length - 1];
    const id = last.clients.find((c) => !c.dropped && c.malicious)?.id;
    if (id === undefined) throw new Error('fixture: no reported attacker in the last round');
    const detail = render(ClientDetail, { clientId: id, stats: partition, rounds: attacked, malicious: true });
    expect(detail).toContain('data-testid="client-attacker"');
    expect(detail).toContain(`Aggregator decision, round ${last.round}: not selected`);
  });

  it('client detail: prompt without selection, histogram and history with one', () => {
    expect(render(ClientDetail, { clientId: null, stats: partition, rounds })).toContain('Select a client');
    const id = rounds[5].clients.find((c) => !c.dropped)!.id;
    const html = render(ClientDetail, { clientId: id, stats: partition, rounds });
    expect(html).toContain(`Client ${id}`);
    expect(html.match(/<rect/g)?.length).toBe(10);
    expect(html).not.toContain('Not sampled yet');
    const unsampled = render(ClientDetail, { clientId: 0, stats: partition, rounds: rounds.slice(0, 1) });
    expect(unsampled).toContain('Not sampled yet');
  });

  it('decision boundary: canvas for valid data, a clear message for bad data', () => {
    const b = fakeBoundary(40, 3, 300);
    const html = render(DecisionBoundary, { title: 'Global model', ...b });
    expect(html).toContain('<canvas');
    expect(html).toContain('data-testid="decision-boundary"');
    const bad = render(DecisionBoundary, { title: 'Local', ...b, resolution: 41 });
    expect(bad).toContain('Cannot draw: grid has 4800 values, expected 41×41×3 = 5043.');
    expect(render(DecisionBoundary, { title: 'Local', ...b, grid: null })).toContain('Run the experiment to see the decision boundary.');
  });

  it('stat and sparkline show a dash, never NaN', () => {
    expect(render(Stat, { label: 'Accuracy', value: Number.NaN, format: 'percent' })).toContain('—');
    expect(render(Stat, { label: 'Accuracy', value: 0.91, format: 'percent', trend: [0.1, Number.NaN, 0.9] })).toContain('91.0%');
    expect(render(Sparkline, { values: [Number.NaN, 1, 2] })).toContain('<path d="M');
  });
});
