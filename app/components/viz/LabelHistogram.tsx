'use client';
import { formatInteger, formatPercent } from './format';
import { classColor } from './palette';
import { THEME } from './theme';

export interface LabelHistogramProps {
  /** counts[k] = examples of class k. */
  counts: readonly number[];
  /** Optional reference share per class (e.g. the global label distribution), drawn as a tick on each bar. */
  reference?: readonly number[];
  height?: number;
}

/** Small SVG bar chart of one client's examples per class, bars in the class colours, scaled to the largest class. */
export function LabelHistogram({ counts, reference, height = 90 }: LabelHistogramProps) {
  const total = counts.reduce((s, c) => s + c, 0);
  const max = Math.max(1, ...counts);
  const refMax = reference ? Math.max(...reference.map((r) => r * total), 1) : 0;
  const scale = Math.max(max, refMax);
  const k = counts.length;
  const plotH = height - 14;
  return (
    <svg
      role="img"
      aria-label={`Examples per class: ${counts.map((c, i) => `class ${i} ${c}`).join(', ')}`}
      width="100%"
      height={height}
      style={{ display: 'block' }}
    >
      {counts.map((c, i) => {
        const h = (plotH * c) / scale;
        const refH = reference ? (plotH * reference[i] * total) / scale : 0;
        const slot = 100 / k;
        const at = (f: number) => `${(i + f) * slot}%`;
        return (
          <g key={i}>
            <title>{`Class ${i}: ${formatInteger(c)} examples (${formatPercent(total > 0 ? c / total : Number.NaN)})`}</title>
            <rect x={at(0.15)} y={plotH - h} width={`${0.7 * slot}%`} height={h} fill={classColor(i)} />
            {reference && <line x1={at(0.05)} x2={at(0.95)} y1={plotH - refH} y2={plotH - refH} stroke={THEME.fg} strokeWidth={1.5} strokeDasharray="3 2" />}
            <text x={at(0.5)} y={height - 2} textAnchor="middle" fontSize={9} fill={THEME.muted}>
              {i}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
