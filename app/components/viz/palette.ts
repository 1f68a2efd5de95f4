/**
 * The one class palette every viz component uses: Okabe & Ito (2008) "Color Universal Design" without black,
 * plus wine, olive and teal from Paul Tol's colour-blind-safe "muted" scheme. Class k gets CLASS_COLORS[k % 10].
 */
export const CLASS_COLORS = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#882255', // wine (Tol)
  '#999933', // olive (Tol)
  '#44AA99', // teal (Tol)
] as const;

export function classColor(k: number): string {
  const n = CLASS_COLORS.length;
  return CLASS_COLORS[((k % n) + n) % n];
}

/** `#rrggbb` → [r, g, b] in 0..255. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgb: expected "#rrggbb", got "${hex}"`);
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Colours of the metric series in the live charts, taken from the same palette. */
export const SERIES_COLORS = {
  testAccuracy: CLASS_COLORS[0],
  federatedAccuracy: CLASS_COLORS[1],
  loss: CLASS_COLORS[3],
  spread: CLASS_COLORS[2],
  norm: CLASS_COLORS[4],
  highlight: CLASS_COLORS[3],
  malicious: CLASS_COLORS[7],
  attackSuccess: CLASS_COLORS[7],
  bytesUp: CLASS_COLORS[0],
  bytesDown: CLASS_COLORS[1],
  time: CLASS_COLORS[5],
  epsilon: CLASS_COLORS[3],
  exampleEpsilon: CLASS_COLORS[9],
} as const;

/**
 * One colour per variant of a run (base first), on every round chart and the scoreboard: blue, vermillion, bluish
 * green, reddish purple — apart from the orange and wine of federated accuracy and attack success.
 */
export const VARIANT_COLORS = [CLASS_COLORS[0], CLASS_COLORS[3], CLASS_COLORS[2], CLASS_COLORS[5]] as const;

export function variantColor(k: number): string {
  return VARIANT_COLORS[k % VARIANT_COLORS.length];
}
