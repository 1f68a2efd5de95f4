import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueChartUpdate } from './chartQueue';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16));
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 1));
});

afterEach(() => {
  vi.runAllTimers();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('enqueueChartUpdate', () => {
  it('runs one job at a time, the next only after the previous is done, two frames and an idle period passed', () => {
    const log: string[] = [];
    const dones: (() => void)[] = [];
    const a = {};
    const b = {};
    enqueueChartUpdate(a, (done) => {
      log.push('a');
      dones.push(done);
    });
    enqueueChartUpdate(b, (done) => {
      log.push('b');
      dones.push(done);
    });
    expect(log).toEqual(['a']);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['a']);
    dones[0]();
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['a']);
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['a', 'b']);
    dones[1]();
  });

  it('keeps only the latest queued job per chart, and drops a cancelled one', () => {
    const log: string[] = [];
    const blocker = {};
    const chart = {};
    const other = {};
    enqueueChartUpdate(blocker, (done) => {
      log.push('blocker');
      setTimeout(done, 10);
    });
    enqueueChartUpdate(chart, (done) => (log.push('chart v1'), done()));
    enqueueChartUpdate(chart, (done) => (log.push('chart v2'), done()));
    const cancel = enqueueChartUpdate(other, (done) => (log.push('other'), done()));
    cancel();
    vi.advanceTimersByTime(2_000);
    expect(log).toEqual(['blocker', 'chart v2']);
  });

  it('moves on after a stall (a chart that never reports done)', () => {
    const log: string[] = [];
    enqueueChartUpdate({}, () => log.push('stuck'));
    enqueueChartUpdate({}, (done) => (log.push('next'), done()));
    vi.advanceTimersByTime(999);
    expect(log).toEqual(['stuck']);
    vi.advanceTimersByTime(600);
    expect(log).toEqual(['stuck', 'next']);
  });
});
