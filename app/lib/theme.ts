// Light/dark: the OS preference unless the user chose one; the choice persists in localStorage.
export const THEME_STORAGE_KEY = 'fedstudio-theme';

export type Theme = 'light' | 'dark';

/** The theme in effect now (explicit choice, else the OS preference). */
export function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}
