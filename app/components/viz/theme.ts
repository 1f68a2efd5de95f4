/**
 * Theme colours as CSS variables (defined by the studio's global CSS) with light-theme fallbacks, for inline styles
 * and SVG attributes. Canvas code cannot use var(): it resolves them with `resolveThemeColors`.
 */
const FALLBACK = {
  fg: '#1f2328',
  bg: '#ffffff',
  muted: '#6e7781',
  accent: '#0969da',
  border: '#d0d7de',
  panel: '#f6f8fa',
} as const;

export type ThemeColorName = keyof typeof FALLBACK;

export const THEME: Record<ThemeColorName, string> = {
  fg: `var(--fg, ${FALLBACK.fg})`,
  bg: `var(--bg, ${FALLBACK.bg})`,
  muted: `var(--muted, ${FALLBACK.muted})`,
  accent: `var(--accent, ${FALLBACK.accent})`,
  border: `var(--border, ${FALLBACK.border})`,
  panel: `var(--panel, ${FALLBACK.panel})`,
};

/** The theme's current concrete colours as seen from `el` (for canvas drawing). */
export function resolveThemeColors(el: Element): Record<ThemeColorName, string> {
  const style = getComputedStyle(el);
  const out = { ...FALLBACK } as Record<ThemeColorName, string>;
  for (const name of Object.keys(FALLBACK) as ThemeColorName[]) {
    const v = style.getPropertyValue(`--${name}`).trim();
    if (v) out[name] = v;
  }
  return out;
}
