'use client';
import { reportFieldError } from '../../lib/configEdit';
import { useStudio } from '../../lib/store';
import { setPoolSize } from '../../lib/runtime';
import { NumberField } from './fields/NumberField';

/** Size of the client-worker pool: a property of this browser, not of the experiment (numbers do not depend on it). */
export function WorkersField() {
  const poolSize = useStudio((s) => s.poolSize);
  const { defaultWorkers, maxWorkers } = useStudio((s) => s.hardware);
  const error = useStudio((s) => s.fieldErrors.workers);
  return (
    <NumberField
      path="workers"
      label="Worker threads"
      help="Client workers training in parallel in this browser (default: cores − 1). Applies from the next run; results do not depend on it."
      value={poolSize ?? defaultWorkers}
      min={1}
      max={maxWorkers}
      integer
      error={error}
      onCommit={setPoolSize}
      onInvalid={(message) => reportFieldError('workers', message)}
    />
  );
}
