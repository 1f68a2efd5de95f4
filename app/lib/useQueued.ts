'use client';
import { startTransition, useEffect, useRef, useState } from 'react';
import { enqueueChartUpdate } from './chartQueue';

interface Shown<T> {
  value: T;
  epoch: unknown;
}

/**
 * `value` as this chart shows it: new values arrive through the chart queue, one chart at a time. While `live` is
 * false (the chart is off screen) updates wait; the latest value is delivered once it is true again.
 *
 * Only updates within one `epoch` (one run) wait: when the epoch changes (a new run, a reset), the value shown is
 * replaced by the current one at once, on screen or off, so a chart never shows an older run's data. Later values of
 * the new epoch queue as before.
 */
export function useQueued<T>(value: T, live = true, epoch: unknown = undefined): T {
  const [shown, setShown] = useState<Shown<T>>(() => ({ value, epoch }));
  const [key] = useState(() => ({}));
  const shownRef = useRef(shown);
  const doneRef = useRef<(() => void) | null>(null);

  // Adjusting state while rendering: React re-renders at once, before anything of this render is committed.
  const stale = !Object.is(shown.epoch, epoch);
  if (stale) setShown({ value, epoch });

  // First: a job the next effect starts compares with what is committed now.
  useEffect(() => {
    shownRef.current = shown;
    doneRef.current?.();
    doneRef.current = null;
  }, [shown]);

  useEffect(() => {
    if (!live) return;
    return enqueueChartUpdate(key, (done) => {
      const current = shownRef.current;
      if (Object.is(current.value, value) && Object.is(current.epoch, epoch)) return done();
      doneRef.current = done;
      startTransition(() => setShown({ value, epoch }));
    });
  }, [key, value, live, epoch]);

  return stale ? value : shown.value;
}
