import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, throttle } from './throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttle', () => {
  it('runs a burst once, then at most once per interval, with a trailing call', () => {
    const fn = vi.fn();
    const t = throttle(fn, 100);
    t.schedule();
    t.schedule();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    t.schedule();
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('flush runs now and drops the pending call; cancel drops it', () => {
    const fn = vi.fn();
    const t = throttle(fn, 100);
    t.flush();
    t.schedule();
    t.flush();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
    t.schedule();
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('debounce', () => {
  it('runs once after the last call, or at flush', () => {
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d.schedule();
    vi.advanceTimersByTime(200);
    d.schedule();
    vi.advanceTimersByTime(200);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
    d.schedule();
    d.flush();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
