'use client';
import { memo } from 'react';
import type { RoundMetrics } from '../../../core/report/metrics';
import { ChartFrame } from './ChartFrame';
import { formatBytes, formatDuration, formatNumber } from './format';
import { SERIES_COLORS } from './palette';
import { THEME } from './theme';

const CELL = 14;
const STRIP_HEIGHT = 34;

/** One vector's first coordinates as bars around a zero line, scaled to the vector's own largest magnitude. */
function VectorStrip({ label, values, color, testId }: { label: string; values: readonly number[]; color: string; testId: string }) {
  const scale = Math.max(1e-12, ...values.map(Math.abs));
  const mid = STRIP_HEIGHT / 2;
  const width = values.length * CELL;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '200px auto', alignItems: 'center', gap: 8 }} data-testid={testId}>
      <span style={{ fontSize: 12, color: THEME.muted }}>{label}</span>
      <svg width={width} height={STRIP_HEIGHT} role="img" aria-label={`${label}: ${values.map((v) => formatNumber(v)).join(', ')}`}>
        <line x1={0} x2={width} y1={mid} y2={mid} stroke={THEME.border} />
        {values.map((v, i) => {
          const h = (Math.abs(v) / scale) * (mid - 1);
          return <rect key={i} x={i * CELL + 2} width={CELL - 4} y={v >= 0 ? mid - h : mid} height={Math.max(0.5, h)} fill={color} />;
        })}
      </svg>
    </div>
  );
}

/** Secure aggregation, last round: what the server saw from one client next to the sum it recovered, and the cost. */
export const SecAggView = memo(function SecAggView({ rounds, mode }: { rounds: readonly RoundMetrics[]; mode: string }) {
  let last: RoundMetrics | undefined;
  for (let i = rounds.length - 1; i >= 0 && !last; i--) if (rounds[i].secureAggregation) last = rounds[i];
  const s = last?.secureAggregation;
  const plainBytes = last && s?.overheadBytes !== undefined ? last.bytesUp - s.overheadBytes : NaN;
  const aside = last && s && !s.error
    ? `round ${last.round}: ${s.survivors} survivors, t = ${s.threshold}, ${s.neighbours} share holders each · +${formatBytes(s.overheadBytes)} (${formatNumber((100 * (s.overheadBytes ?? 0)) / plainBytes, 2)}% over plain) · ${formatDuration(s.ms)}`
    : undefined;
  return (
    <ChartFrame
      title={`Secure aggregation (${mode === 'secagg+' ? 'SecAgg+' : 'SecAgg'})`}
      units={`16 coordinates${s?.preview ? ` from #${s.preview.from}` : ''}, each row scaled to its own range`}
      aside={aside}
      empty={!s}
      emptyText="Run the experiment: the server will only ever see masked updates."
      height={3 * STRIP_HEIGHT + 24}
      dataAttributes={{ 'data-testid': 'secagg-view' }}
    >
      {s?.error ? (
        <p role="alert" style={{ color: SERIES_COLORS.malicious, margin: 0 }} data-testid="secagg-error">
          Round {last?.round}: {s.error}
        </p>
      ) : (
        s?.preview && (
          <div style={{ display: 'grid', gap: 4 }}>
            <VectorStrip label={`Server sees from client ${s.preview.clientId} (masked)`} values={s.preview.masked} color={THEME.muted} testId="secagg-masked" />
            <VectorStrip label={`Client ${s.preview.clientId}’s update (never sent in the clear)`} values={s.preview.input} color={SERIES_COLORS.bytesDown} testId="secagg-input" />
            <VectorStrip label="Recovered sum of all survivors" values={s.preview.sum} color={SERIES_COLORS.bytesUp} testId="secagg-sum" />
          </div>
        )
      )}
    </ChartFrame>
  );
});
