'use client';
import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is on screen (or near it): charts out of view skip live updates and catch up when seen. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry.isIntersecting), { rootMargin: '200px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
