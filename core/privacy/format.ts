// How ε and δ are written, in the CLI and the studio alike.

/** Three significant digits without trailing zeros (2.1078 → "2.11"); "∞" when no noise was added. */
export function formatEpsilon(epsilon: number): string {
  return Number.isFinite(epsilon) ? String(Number(epsilon.toPrecision(3))) : '∞';
}

/** δ as people write it: 1e-5 rather than 0.00001. */
export function formatDelta(delta: number): string {
  return delta < 1e-3 ? delta.toExponential() : String(delta);
}
