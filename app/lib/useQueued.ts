'use client';
import { startTransition, useEffect, useRef, useState } from 'react';
import { enqueueChartUpdate } from './chartQueue';

/**
 * `value` as this chart shows it: new values arrive through the chart queue, one chart at a time. While `live` is
 * false (the chart is off screen) updates wait; the latest value is delivered once it is true again.
 */
export function useQueued<T>(value: T, live = true): T {
  const [shown, setShown] = useState(value);
  const [key] = useState(() => ({}));
  const shownRef = useRef(shown);
  const doneRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!live) return;
    return enqueueChartUpdate(key, (done) => {
      if (Object.is(shownRef.current, value)) return done();
      doneRef.current = done;
      startTransition(() => setShown(value));
    });
  }, [key, value, live]);

  useEffect(() => {
    shownRef.current = shown;
    doneRef.current?.();
    doneRef.current = null;
  }, [shown]);

  return shown;
}
