'use client';
import { THEME } from './theme';

export interface LegendItem {
  label: string;
  color: string;
  /** 'line' (default), 'dashed', 'band' (translucent area) or 'dot'. */
  shape?: 'line' | 'dashed' | 'band' | 'dot';
}

/** A compact one-line legend for chart series. */
export function SeriesLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', margin: '4px 0 0', padding: 0, fontSize: 12, color: THEME.muted }}>
      {items.map((it) => (
        <li key={it.label} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
          <svg width={16} height={10} aria-hidden="true">
            {it.shape === 'band' ? (
              <rect x={0} y={1} width={16} height={8} fill={it.color} fillOpacity={0.3} />
            ) : it.shape === 'dot' ? (
              <circle cx={8} cy={5} r={3.5} fill={it.color} />
            ) : (
              <line x1={0} y1={5} x2={16} y2={5} stroke={it.color} strokeWidth={2} strokeDasharray={it.shape === 'dashed' ? '4 2' : undefined} />
            )}
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}
