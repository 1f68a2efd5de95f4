'use client';
import { useState } from 'react';
import ui from '../../components/studio/ui.module.css';

/** A destructive action in two clicks: the first arms it ("Delete?"), the second does it; leaving disarms. */
export function ConfirmButton({ label, confirmLabel, onConfirm, testId }: { label: string; confirmLabel: string; onConfirm: () => void; testId?: string }) {
  const [armed, setArmed] = useState(false);
  return (
    <button
      type="button"
      className={ui.button}
      data-testid={testId}
      data-armed={armed || undefined}
      onClick={() => (armed ? onConfirm() : setArmed(true))}
      onBlur={() => setArmed(false)}
    >
      {armed ? confirmLabel : label}
    </button>
  );
}
