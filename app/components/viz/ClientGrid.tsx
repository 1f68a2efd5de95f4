'use client';
import { memo, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { CLIENT_STATES, STATE_LABEL, clientLabel, countStates, gridNavigate, stateOf, type ClientState, type ClientStates } from './clientStates';
import { ClientGridCanvas, type ClientGridCanvasProps } from './ClientGridCanvas';
import { CANVAS_GRID_FROM } from './drawClientGrid';
import { isFiniteNumber } from './format';
import { SERIES_COLORS } from './palette';
import { THEME } from './theme';

export interface ClientGridProps {
  numClients: number;
  /** State of each client this round: a map id → state (missing = idle) or an array indexed by id. */
  states: ClientStates;
  /** Each client's latest local accuracy (undefined or NaN = never measured); drawn as a bar along the cell's foot. */
  lastAccuracy?: readonly (number | undefined)[];
  selected?: number | null;
  onSelect?: (clientId: number) => void;
  /** Clients flagged as attackers get a red corner mark and "attacker" in their label. */
  malicious?: readonly boolean[];
  /** Cell edge in px; default 22 up to 200 clients, 16 beyond. */
  cellSize?: number;
}

/** Each state differs by shape as well as colour: outline, thick outline, half fill, full fill, crossed out. */
function stateStyle(state: ClientState): CSSProperties {
  switch (state) {
    case 'idle':
      return { background: 'transparent', border: `1px solid ${THEME.border}` };
    case 'sampled':
      return { background: 'transparent', border: `2px solid ${THEME.accent}` };
    case 'training':
      return { background: `linear-gradient(to top, ${THEME.accent} 50%, transparent 50%)`, border: `2px solid ${THEME.accent}` };
    case 'done':
      return { background: SERIES_COLORS.spread, border: `1px solid ${SERIES_COLORS.spread}` };
    case 'dropped':
      return {
        background: `linear-gradient(to top right, transparent calc(50% - 1px), ${THEME.muted} calc(50% - 1px), ${THEME.muted} calc(50% + 1px), transparent calc(50% + 1px))`,
        border: `1px dashed ${THEME.muted}`,
      };
  }
}

interface CellProps {
  id: number;
  state: ClientState;
  accuracy: number | undefined;
  selected: boolean;
  tabbable: boolean;
  malicious: boolean;
  size: number;
}

const Cell = memo(function Cell({ id, state, accuracy, selected, tabbable, malicious, size }: CellProps) {
  const acc = isFiniteNumber(accuracy) ? accuracy : undefined;
  const label = clientLabel(id, state, acc, malicious);
  return (
    <button
      type="button"
      data-id={id}
      data-state={state}
      data-malicious={malicious || undefined}
      aria-label={label}
      aria-pressed={selected}
      title={label}
      tabIndex={tabbable ? 0 : -1}
      style={{
        ...stateStyle(state),
        position: 'relative',
        width: size,
        height: size,
        padding: 0,
        margin: 0,
        borderRadius: 3,
        boxSizing: 'border-box',
        cursor: 'pointer',
        outline: selected ? `2px solid ${THEME.fg}` : undefined,
        outlineOffset: 1,
        overflow: 'hidden',
      }}
    >
      {acc !== undefined && (
        <span
          aria-hidden="true"
          style={{ position: 'absolute', left: 0, bottom: 0, height: 3, width: `${Math.round(acc * 100)}%`, background: THEME.fg, opacity: 0.55 }}
        />
      )}
      {malicious && (
        <span
          aria-hidden="true"
          style={{ position: 'absolute', right: 0, top: 0, width: 0, height: 0, borderTop: `7px solid ${SERIES_COLORS.malicious}`, borderLeft: '7px solid transparent' }}
        />
      )}
    </button>
  );
});

function Swatch({ state, size }: { state: ClientState; size: number }) {
  return <span aria-hidden="true" style={{ ...stateStyle(state), display: 'inline-block', width: size, height: size, borderRadius: 3, boxSizing: 'border-box' }} />;
}

/** Gap between cells in px, in both renderings. */
const GAP = 3;

/** What both renderings draw (the canvas also takes the gap). */
type CellsProps = Omit<ClientGridCanvasProps, 'gap'>;

/** One focusable button per client (small federations). */
function ButtonCells({ numClients, states, lastAccuracy, selected, onSelect, malicious, size }: CellsProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const inRange = (id: number | null): id is number => id !== null && id >= 0 && id < numClients;
  const tabStop = inRange(focused) ? focused : inRange(selected) ? selected : 0;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grid = gridRef.current;
    const id = Number((e.target as HTMLElement).dataset.id);
    if (!grid || !Number.isInteger(id)) return;
    const first = grid.firstElementChild as HTMLElement | null;
    let columns = 0;
    for (const child of Array.from(grid.children) as HTMLElement[]) {
      if (child.offsetTop !== first?.offsetTop) break;
      columns++;
    }
    const next = gridNavigate(e.key, id, numClients, columns);
    if (next === null) return;
    e.preventDefault();
    grid.querySelector<HTMLElement>(`[data-id="${next}"]`)?.focus();
  };

  const cells = [];
  for (let id = 0; id < numClients; id++) {
    cells.push(
      <Cell
        key={id}
        id={id}
        state={stateOf(states, id)}
        accuracy={lastAccuracy?.[id]}
        selected={id === selected}
        tabbable={id === tabStop}
        malicious={malicious?.[id] === true}
        size={size}
      />,
    );
  }

  return (
    <div
      ref={gridRef}
      role="group"
      aria-label={`${numClients} clients; arrow keys move, Enter selects`}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const id = Number((e.target as HTMLElement).dataset.id);
        if (Number.isInteger(id)) setFocused(id);
      }}
      onClick={(e) => {
        const id = Number((e.target as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id);
        if (Number.isInteger(id)) onSelect?.(id);
      }}
      style={{ display: 'flex', flexWrap: 'wrap', gap: GAP }}
    >
      {cells}
    </div>
  );
}

/**
 * Every virtual client's state this round, with a legend of state counts: one button per client up to
 * CANVAS_GRID_FROM clients, one canvas beyond (500 buttons cost a style and layout pass per update). Keyboard: Tab
 * enters the grid, arrow keys / Home / End move, Enter or Space selects.
 */
export const ClientGrid = memo(function ClientGrid({ numClients, states, lastAccuracy, selected = null, onSelect, malicious, cellSize }: ClientGridProps) {
  const size = cellSize ?? (numClients > 200 ? 16 : 22);
  const counts = useMemo(() => countStates(states, numClients), [states, numClients]);
  const cells = { numClients, states, lastAccuracy, selected, onSelect, malicious, size };
  return (
    <section aria-label="Clients" data-testid="client-grid" style={{ color: THEME.fg }}>
      {numClients > CANVAS_GRID_FROM ? <ClientGridCanvas {...cells} gap={GAP} /> : <ButtonCells {...cells} />}
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', margin: '8px 0 0', padding: 0, fontSize: 12, color: THEME.muted }}>
        {CLIENT_STATES.map((s) => (
          <li key={s} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
            <Swatch state={s} size={12} />
            {STATE_LABEL[s]} <span style={{ color: THEME.fg }}>{counts[s]}</span>
          </li>
        ))}
        {malicious?.some(Boolean) && (
          <li style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
            <span aria-hidden="true" style={{ width: 0, height: 0, borderTop: `8px solid ${SERIES_COLORS.malicious}`, borderLeft: '8px solid transparent' }} />
            attacker
          </li>
        )}
        <li style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
          <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 3, background: THEME.fg, opacity: 0.55 }} />
          last local accuracy
        </li>
      </ul>
    </section>
  );
});
