'use client';
import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { PartitionStats } from '../../../core/partition/types';
import { prepareCanvas } from './canvas';
import { drawPartition } from './drawPartition';
import { EmptyState } from './EmptyState';
import { formatInteger, formatNumber, formatPercent } from './format';
import { hitTest, hoverRect, partitionLayout, type PartitionHit, type PartitionScale, type PartitionView } from './partitionLayout';
import { SegmentedControl } from './SegmentedControl';
import { countsSignature } from './signature';
import { resolveThemeColors, THEME } from './theme';
import { useElementWidth } from './useElementWidth';
import { useThemeVersion } from './useThemeVersion';

export interface PartitionHeatmapProps {
  /** The partition's statistics; null/undefined shows the empty state. */
  stats: PartitionStats | null | undefined;
  title?: string;
  /** Client whose row is outlined. */
  selected?: number | null;
  /** Called with a client id when a row is clicked. */
  onSelect?: (clientId: number) => void;
  /** Height budget in px for the rows (row height = budget / clients, 1–18 px). Default 400. */
  maxHeight?: number;
  defaultView?: PartitionView;
  defaultScale?: PartitionScale;
}

const VIEW_OPTIONS = [
  { value: 'heatmap', label: 'Heatmap' },
  { value: 'bars', label: 'Stacked bars' },
] as const;
const SCALE_OPTIONS = [
  { value: 'fraction', label: 'Share' },
  { value: 'count', label: 'Count' },
] as const;

interface Hover extends PartitionHit {
  x: number;
  y: number;
}

function describe(stats: PartitionStats, hit: PartitionHit): string {
  const size = stats.sizes[hit.client];
  if (hit.cls === null) {
    return `Client ${hit.client}: ${formatInteger(size)} examples, Hellinger ${formatNumber(stats.hellinger[hit.client], 2)}`;
  }
  const count = stats.counts[hit.client][hit.cls];
  return `Client ${hit.client} · class ${hit.cls}: ${formatInteger(count)} of ${formatInteger(size)} (${formatPercent(size > 0 ? count / size : Number.NaN)})`;
}

/**
 * Clients × classes view of a partition, drawn on one canvas (redraw is a few hundred fillRects): a heatmap with a
 * client-size bar per row, or one stacked bar per client. Shows the mean Hellinger skew. Root carries
 * `data-testid="partition-heatmap"` and `data-signature` (hash of counts, "" when empty).
 */
export const PartitionHeatmap = memo(function PartitionHeatmap({
  stats,
  title = 'Labels per client',
  selected = null,
  onSelect,
  maxHeight = 400,
  defaultView = 'heatmap',
  defaultScale = 'fraction',
}: PartitionHeatmapProps) {
  const [view, setView] = useState<PartitionView>(defaultView);
  const [scale, setScale] = useState<PartitionScale>(defaultScale);
  const [hover, setHover] = useState<Hover | null>(null);
  const [wrapRef, width] = useElementWidth<HTMLDivElement>(640);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const themeVersion = useThemeVersion();

  const numClients = stats?.counts.length ?? 0;
  const numClasses = stats?.counts[0]?.length ?? 0;
  const signature = useMemo(() => (stats ? countsSignature(stats.counts) : ''), [stats]);
  const layout = useMemo(
    () => (numClients > 0 && numClasses > 0 ? partitionLayout(width, numClients, numClasses, maxHeight) : null),
    [width, numClients, numClasses, maxHeight],
  );

  // Layout effect: resizing a canvas clears it, so repaint before the browser paints.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !layout || !stats) return;
    const ctx = prepareCanvas(canvas, layout.width, layout.height);
    if (ctx) drawPartition(ctx, layout, stats, view, scale, resolveThemeColors(canvas), selected);
  }, [layout, stats, view, scale, selected, themeVersion]);

  // A hover from before the data changed may point past the new clients.
  const shown = hover && hover.client < numClients ? hover : null;

  const hitAt = (e: MouseEvent<HTMLCanvasElement>): Hover | null => {
    if (!layout || !stats) return null;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const hit = hitTest(layout, stats.counts, stats.sizes, view, scale, x, y);
    return hit && { ...hit, x, y };
  };

  return (
    <section
      aria-label={title}
      data-testid="partition-heatmap"
      data-signature={signature}
      data-view={view}
      style={{ color: THEME.fg, minWidth: 0 }}
    >
      <header style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 4 }}>
        <h3 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>{title}</h3>
        <span style={{ marginLeft: 'auto', display: 'inline-flex', gap: 6 }}>
          <SegmentedControl label="View" options={VIEW_OPTIONS} value={view} onChange={setView} />
          <SegmentedControl label="Scale" options={SCALE_OPTIONS} value={scale} onChange={setScale} />
        </span>
      </header>
      {stats && (
        <p style={{ margin: '0 0 6px', fontSize: 12, color: THEME.muted }}>
          <strong style={{ color: THEME.fg, fontSize: 14 }} data-testid="partition-skew">
            {formatNumber(stats.meanHellinger, 2)}
          </strong>{' '}
          label skew: mean Hellinger distance of each client’s label mix to the global one (0 = IID, 1 = no labels in common).
        </p>
      )}
      <div ref={wrapRef} style={{ position: 'relative', width: '100%' }}>
        {layout && stats ? (
          <>
            <canvas
              ref={canvasRef}
              role="img"
              aria-label={`${title}: ${numClients} clients × ${numClasses} classes, ${view === 'heatmap' ? 'heatmap' : 'stacked bars'}, mean Hellinger ${formatNumber(stats.meanHellinger, 2)}`}
              onMouseMove={(e) => setHover(hitAt(e))}
              onMouseLeave={() => setHover(null)}
              onClick={(e) => {
                const hit = hitAt(e);
                if (hit) onSelect?.(hit.client);
              }}
              style={{ display: 'block', width: layout.width, height: layout.height, cursor: onSelect ? 'pointer' : 'crosshair' }}
            />
            {shown && (
              <div
                aria-hidden="true"
                style={{ position: 'absolute', ...hoverRect(layout, shown, view), outline: `1.5px solid ${THEME.fg}`, pointerEvents: 'none' }}
              />
            )}
            {shown && (
              <div
                role="tooltip"
                style={{
                  position: 'absolute',
                  left: Math.min(shown.x + 12, Math.max(0, layout.width - 240)),
                  top: shown.y + 12,
                  pointerEvents: 'none',
                  background: THEME.panel,
                  border: `1px solid ${THEME.border}`,
                  borderRadius: 6,
                  padding: '3px 8px',
                  fontSize: 12,
                  whiteSpace: 'nowrap',
                  zIndex: 1,
                }}
              >
                {describe(stats, shown)}
              </div>
            )}
          </>
        ) : (
          <EmptyState height={160} text="Run the experiment (or preview the partition) to see how labels are split across clients." />
        )}
      </div>
    </section>
  );
});
