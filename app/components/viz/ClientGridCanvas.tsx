'use client';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { prepareCanvas } from './canvas';
import { clientLabel, gridNavigate, stateOf, type ClientStates } from './clientStates';
import { cellAt, cellGridLayout, drawClientGrid, type GridCell } from './drawClientGrid';
import { isFiniteNumber } from './format';
import { SERIES_COLORS } from './palette';
import { resolveThemeColors } from './theme';
import { useElementWidth } from './useElementWidth';
import { useThemeVersion } from './useThemeVersion';

export interface ClientGridCanvasProps {
  numClients: number;
  states: ClientStates;
  lastAccuracy?: readonly (number | undefined)[];
  selected: number | null;
  onSelect?: (clientId: number) => void;
  malicious?: readonly boolean[];
  size: number;
  gap: number;
}

/** Room around the cells for the selection ring (drawClientGrid draws it 2 px outside the cell). */
const MARGIN = 2;

/**
 * The client grid on one canvas (used for large federations, see CANVAS_GRID_FROM). One tab stop: arrow keys / Home /
 * End move a cursor, whose client is announced; Enter or Space selects it. A click selects the client under it.
 */
export function ClientGridCanvas({ numClients, states, lastAccuracy, selected, onSelect, malicious, size, gap }: ClientGridCanvasProps) {
  const [wrapRef, width] = useElementWidth<HTMLDivElement>(600);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const themeVersion = useThemeVersion();
  const layout = useMemo(() => cellGridLayout(width - 2 * MARGIN, numClients, size, gap), [width, numClients, size, gap]);
  const cell = useMemo(
    () =>
      (id: number): GridCell => {
        const accuracy = lastAccuracy?.[id];
        return { state: stateOf(states, id), accuracy: isFiniteNumber(accuracy) ? accuracy : undefined, malicious: malicious?.[id] === true };
      },
    [states, lastAccuracy, malicious],
  );
  const inRange = (id: number | null): id is number => id !== null && id >= 0 && id < numClients;
  const shownCursor = inRange(cursor) ? cursor : null;
  const shownSelected = inRange(selected) ? selected : null;

  // Layout effect: resizing a canvas clears it, so repaint before the browser paints.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = prepareCanvas(canvas, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN);
    if (!ctx) return;
    ctx.translate(MARGIN, MARGIN);
    const colors = { ...resolveThemeColors(canvas), done: SERIES_COLORS.spread, malicious: SERIES_COLORS.malicious };
    drawClientGrid(ctx, layout, cell, numClients, colors, shownSelected, shownCursor);
  }, [layout, cell, numClients, shownSelected, shownCursor, themeVersion]);

  const idAt = (e: MouseEvent<HTMLCanvasElement>): number | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    return cellAt(layout, numClients, e.clientX - rect.left - MARGIN, e.clientY - rect.top - MARGIN);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = shownCursor ?? shownSelected ?? 0;
    if ((e.key === 'Enter' || e.key === ' ') && shownCursor !== null) {
      e.preventDefault();
      onSelect?.(shownCursor);
      return;
    }
    const next = gridNavigate(e.key, from, numClients, layout.columns);
    if (next === null) return;
    e.preventDefault();
    setCursor(next);
  };
  const announced = shownCursor === null ? '' : (() => {
    const c = cell(shownCursor);
    return clientLabel(shownCursor, c.state, c.accuracy, c.malicious);
  })();

  return (
    <div
      ref={wrapRef}
      role="group"
      tabIndex={0}
      aria-label={`${numClients} clients; arrow keys move, Enter selects`}
      onKeyDown={onKeyDown}
      // The cursor starts on the selected client, as the button grid's tab stop does.
      onFocus={() => setCursor((c) => c ?? shownSelected ?? 0)}
      onBlur={() => setCursor(null)}
      data-testid="client-grid-canvas"
      data-clients={numClients}
      style={{ width: '100%' }}
    >
      <canvas
        ref={canvasRef}
        aria-hidden="true"
        style={{ display: 'block', width: layout.width + 2 * MARGIN, height: layout.height + 2 * MARGIN, cursor: 'pointer' }}
        onClick={(e) => {
          const id = idAt(e);
          if (id === null) return;
          setCursor(id);
          onSelect?.(id);
        }}
        onMouseMove={(e) => {
          // The tooltip without a re-render: the title follows the cell under the pointer.
          const id = idAt(e);
          const c = id === null ? null : cell(id);
          e.currentTarget.title = id === null || c === null ? '' : clientLabel(id, c.state, c.accuracy, c.malicious);
        }}
      />
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
    </div>
  );
}
