'use client';
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { prepareCanvas } from './canvas';
import { drawScatter } from './drawScatter';
import { extent } from './scale';
import { nearestPoint, plotFrame, type PickedPoint, type ScatterPoint, type ScatterSeries } from './scatterGeometry';
import { resolveThemeColors, THEME } from './theme';
import { TooltipBox } from './TooltipBox';
import { useElementWidth } from './useElementWidth';
import { useThemeVersion } from './useThemeVersion';

export interface ScatterPlotProps {
  /** Drawn in order (later on top). */
  series: readonly ScatterSeries[];
  height: number;
  /** x range shown; default: the data's. */
  xDomain?: readonly [number, number];
  /** y range before widening to nice ticks; default: the data's. */
  yDomain?: readonly [number, number];
  integerX?: boolean;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** Tooltip text for a point. */
  describe: (point: ScatterPoint, series: ScatterSeries) => string;
  /** Called when a point is clicked. */
  onPick?: (point: ScatterPoint, series: ScatterSeries) => void;
  ariaLabel: string;
}

/**
 * A scatter plot on one canvas. Recharts renders one React element per point (measured ≈ 0.2–1 ms per point here),
 * too slow for hundreds of clients × rounds; this draws thousands of points in a few ms.
 */
export function ScatterPlot({ series, height, xDomain, yDomain, integerX = false, formatX, formatY, describe, onPick, ariaLabel }: ScatterPlotProps) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>(480);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const themeVersion = useThemeVersion();
  const [hover, setHover] = useState<(PickedPoint & { px: number; py: number }) | null>(null);

  const frame = useMemo(() => {
    const all = series.flatMap((s) => s.points);
    const xr = xDomain ?? extent(all.map((p) => p.x), [0, 1]);
    const yr = yDomain ?? extent(all.map((p) => p.y), [0, 1]);
    return plotFrame(width, height, xr, yr, integerX);
  }, [series, width, height, xDomain, yDomain, integerX]);

  // Layout effect: resizing a canvas clears it, so repaint before the browser paints.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (ctx) drawScatter(ctx, width, height, frame, series, formatX, formatY, resolveThemeColors(canvas));
  }, [frame, series, width, height, formatX, formatY, themeVersion]);

  const pick = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const hit = nearestPoint(series, frame, px, py);
    return hit && { ...hit, px, py };
  };

  return (
    <div ref={wrapRef} style={{ position: 'relative', width: '100%', height }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={ariaLabel}
        onMouseMove={(e) => setHover(pick(e))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const hit = pick(e);
          if (hit) onPick?.(hit.point, series[hit.series]);
        }}
        style={{ display: 'block', width, height, cursor: hover && onPick ? 'pointer' : 'default' }}
      />
      {hover && (
        <div style={{ position: 'absolute', left: Math.min(hover.px + 12, Math.max(0, width - 200)), top: Math.max(0, hover.py - 36), pointerEvents: 'none', whiteSpace: 'nowrap', color: THEME.fg }}>
          <TooltipBox>{describe(hover.point, series[hover.series])}</TooltipBox>
        </div>
      )}
    </div>
  );
}
