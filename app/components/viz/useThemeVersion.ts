'use client';
import { useSyncExternalStore } from 'react';

/**
 * A number that changes whenever the theme may have changed (OS colour scheme, or a class/style/data-theme change on
 * <html> or <body>). Canvas components list it as an effect dependency so they repaint with the new colours.
 */
let version = 0;

function subscribe(onChange: () => void): () => void {
  const bump = () => {
    version++;
    onChange();
  };
  const mq = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  mq?.addEventListener('change', bump);
  const mo = new MutationObserver(bump);
  const opts = { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] };
  mo.observe(document.documentElement, opts);
  if (document.body) mo.observe(document.body, opts);
  return () => {
    mq?.removeEventListener('change', bump);
    mo.disconnect();
  };
}

export function useThemeVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
}
