'use client';
import { useStudio } from '../../lib/store';
import ui from './ui.module.css';

/** Which backend trains (wasm or cpu), whether SIMD is on, and how many workers: from the run, else detected. */
export function RuntimeBadge() {
  const environment = useStudio((s) => s.environment);
  const hardware = useStudio((s) => s.hardware);
  const poolSize = useStudio((s) => s.poolSize);
  const runtimeError = useStudio((s) => s.runtimeError);
  if (runtimeError) {
    return (
      <span className={ui.badge} role="alert" data-testid="backend" data-backend="none">
        <span className={ui.dot} />
        Workers unavailable: {runtimeError}
      </span>
    );
  }
  const backend = environment?.backend ?? 'wasm';
  const simd = environment ? environment.simd : hardware.simd;
  const workers = environment?.workers ?? poolSize ?? hardware.defaultWorkers;
  const fast = backend === 'wasm' && simd === true;
  const detail =
    backend === 'cpu'
      ? 'WebAssembly failed to start: plain JavaScript (much slower)'
      : simd === false
        ? 'this browser has no WebAssembly SIMD: plain wasm (slower)'
        : 'WebAssembly with SIMD, one thread per worker';
  return (
    <span
      className={ui.badge}
      title={`${environment ? 'Running on' : 'Will run on'}: ${detail}`}
      data-testid="backend"
      data-backend={environment ? backend : 'pending'}
      data-simd={simd === null ? undefined : String(simd)}
    >
      <span className={`${ui.dot} ${fast ? ui.dotOk : ui.dotWarn}`} aria-hidden="true" />
      {backend}
      {backend === 'wasm' && (simd === null ? '' : simd ? ' · SIMD' : ' · no SIMD')}
      {` · ${workers} worker${workers === 1 ? '' : 's'}`}
    </span>
  );
}
