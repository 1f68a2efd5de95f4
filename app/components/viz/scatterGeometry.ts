/** Pure geometry of the canvas scatter plot: frame, scales, ticks and nearest-point picking. */
import { linearScale, niceTicks, type Ticks } from './scale';

export interface ScatterPoint {
  x: number;
  y: number;
  /** What the point stands for (e.g. a client id), handed back on hover and click. */
  id: number;
}

export interface ScatterSeries {
  key: string;
  points: readonly ScatterPoint[];
  color: string;
  radius: number;
  opacity?: number;
  /** Stroke each point with the foreground colour. */
  outline?: boolean;
  /** Join the points in order with a line. */
  line?: boolean;
}

export interface PlotFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** x ticks inside the data range (the x axis is not widened: it spans exactly the rounds shown). */
  xTicks: number[];
  yTicks: Ticks;
  x: (v: number) => number;
  y: (v: number) => number;
}

export const PLOT_MARGIN = { left: 48, right: 12, top: 8, bottom: 22 } as const;

export function plotFrame(width: number, height: number, xRange: readonly [number, number], yRange: readonly [number, number], integerX: boolean): PlotFrame {
  const left = PLOT_MARGIN.left;
  const right = Math.max(left + 1, width - PLOT_MARGIN.right);
  const top = PLOT_MARGIN.top;
  const bottom = Math.max(top + 1, height - PLOT_MARGIN.bottom);
  let [x0, x1] = xRange;
  if (x1 <= x0) {
    x0 -= 0.5;
    x1 += 0.5;
  }
  const xt = niceTicks(x0, x1, Math.max(2, Math.floor((right - left) / 70)), integerX);
  const yTicks = niceTicks(yRange[0], yRange[1], Math.max(2, Math.floor((bottom - top) / 35)));
  return {
    left,
    right,
    top,
    bottom,
    xTicks: xt.ticks.filter((t) => t >= x0 - 1e-9 && t <= x1 + 1e-9),
    yTicks,
    x: linearScale(x0, x1, left, right),
    y: linearScale(yTicks.min, yTicks.max, bottom, top),
  };
}

export interface PickedPoint {
  series: number;
  point: ScatterPoint;
}

/** The point drawn nearest to (px, py) within `maxDistance` px; later series win ties (they are drawn on top). */
export function nearestPoint(series: readonly ScatterSeries[], frame: PlotFrame, px: number, py: number, maxDistance = 8): PickedPoint | null {
  let best: PickedPoint | null = null;
  let bestD = maxDistance * maxDistance;
  series.forEach((s, si) => {
    for (const p of s.points) {
      const dx = frame.x(p.x) - px;
      const dy = frame.y(p.y) - py;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = { series: si, point: p };
      }
    }
  });
  return best;
}
