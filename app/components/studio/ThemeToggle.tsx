'use client';
import { useEffect, useState } from 'react';
import { currentTheme, setTheme, type Theme } from '../../lib/theme';
import { Icon } from './Icon';
import ui from './ui.module.css';

/** Switches light/dark; until used, the OS preference applies. */
export function ThemeToggle() {
  const [theme, setLocal] = useState<Theme | null>(null);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const sync = () => setLocal(currentTheme());
    sync();
    media.addEventListener('change', sync);
    return () => media.removeEventListener('change', sync);
  }, []);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className={ui.button}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        setTheme(next);
        setLocal(next);
      }}
    >
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
    </button>
  );
}
