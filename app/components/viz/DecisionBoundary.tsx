'use client';
import { memo, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { boundaryImage, boundaryProblem, dataToPixel, type Box } from './boundaryImage';
import { prepareCanvas } from './canvas';
import { EmptyState } from './EmptyState';
import { formatNumber } from './format';
import { CLASS_COLORS, classColor, hexToRgb } from './palette';
import { resolveThemeColors, THEME } from './theme';
import { useElementWidth } from './useElementWidth';
import { useThemeVersion } from './useThemeVersion';

export interface DecisionBoundaryProps {
  title: string;
  /** resolution × resolution × numClasses class probabilities, row-major from yMin to yMax, x fastest; null = none yet. */
  grid: Float32Array | null | undefined;
  resolution: number;
  box: Box;
  numClasses: number;
  /** Data points as x,y pairs, drawn on top, coloured by `labels`. */
  points?: Float32Array;
  labels?: Int32Array;
  /** Largest edge of the square plot in px (it shrinks to the container), default 320. */
  size?: number;
  emptyText?: string;
}

const RGB = CLASS_COLORS.map(hexToRgb);
const NO_POINTS = new Float32Array(0);
const NO_LABELS = new Int32Array(0);

/**
 * A 2-D model's class regions as a soft image (colour = most likely class, opacity = confidence) with the data points
 * on top. Root: `data-testid="decision-boundary"`.
 */
export const DecisionBoundary = memo(function DecisionBoundary({
  title,
  grid,
  resolution,
  box,
  numClasses,
  points = NO_POINTS,
  labels = NO_LABELS,
  size = 320,
  emptyText = 'Run the experiment to see the decision boundary.',
}: DecisionBoundaryProps) {
  const titleId = useId();
  const [wrapRef, width] = useElementWidth<HTMLDivElement>(size);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const themeVersion = useThemeVersion();
  const edge = Math.max(40, Math.min(size, width));
  const { xMin, xMax, yMin, yMax } = box;
  const problem = grid ? boundaryProblem(grid.length, resolution, numClasses, box, points.length, labels.length) : null;
  const image = useMemo(
    () => (grid && !problem ? boundaryImage(grid, resolution, numClasses, RGB) : null),
    [grid, problem, resolution, numClasses],
  );

  // Layout effect: resizing a canvas clears it, so repaint before the browser paints.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !image) return;
    const ctx = prepareCanvas(canvas, edge, edge);
    if (!ctx) return;
    const colors = resolveThemeColors(canvas);
    const small = document.createElement('canvas');
    small.width = resolution;
    small.height = resolution;
    small.getContext('2d')?.putImageData(new ImageData(image, resolution, resolution), 0, 0);
    ctx.clearRect(0, 0, edge, edge);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small, 0, 0, edge, edge);

    const toPx = dataToPixel({ xMin, xMax, yMin, yMax }, edge, edge);
    const n = labels.length;
    const r = n > 4000 ? 1.2 : n > 1000 ? 1.8 : 2.6;
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = colors.bg;
    // One path per class: a few fills instead of one per point.
    for (let k = 0; k < numClasses; k++) {
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (labels[i] !== k) continue;
        const [x, y] = toPx(points[2 * i], points[2 * i + 1]);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = classColor(k);
      ctx.fill();
      ctx.stroke();
    }
    ctx.strokeStyle = colors.border;
    ctx.strokeRect(0.5, 0.5, edge - 1, edge - 1);
  }, [image, edge, xMin, xMax, yMin, yMax, points, labels, numClasses, resolution, themeVersion]);

  const message = problem ? `Cannot draw: ${problem}.` : !grid ? emptyText : null;
  return (
    <figure aria-labelledby={titleId} data-testid="decision-boundary" style={{ margin: 0, minWidth: 0, color: THEME.fg }}>
      <figcaption id={titleId} style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>
        {title}
      </figcaption>
      <div ref={wrapRef} style={{ width: '100%', maxWidth: size }}>
        {message ? (
          <EmptyState text={message} height={edge} width={edge} alert={problem !== null} />
        ) : (
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={`${title}: class regions of ${numClasses} classes over x ${formatNumber(box.xMin)} to ${formatNumber(box.xMax)}, y ${formatNumber(box.yMin)} to ${formatNumber(box.yMax)}, with ${labels.length} points`}
            style={{ display: 'block', width: edge, height: edge }}
          />
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, marginTop: 4, fontSize: 11, color: THEME.muted }}>
        <span>
          x {formatNumber(box.xMin)} … {formatNumber(box.xMax)} · y {formatNumber(box.yMin)} … {formatNumber(box.yMax)}
        </span>
        {Array.from({ length: numClasses }, (_, k) => (
          <span key={k} style={{ display: 'inline-flex', alignItems: 'center', gap: 3 }}>
            <span aria-hidden="true" style={{ width: 9, height: 9, borderRadius: '50%', background: classColor(k) }} />
            class {k}
          </span>
        ))}
      </div>
    </figure>
  );
});
