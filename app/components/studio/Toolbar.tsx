'use client';
import { GhostBar } from './GhostBar';
import { RoundNotes } from './RoundNotes';
import { RunControls } from './RunControls';
import { RunProgress } from './RunProgress';
import { RuntimeBadge } from './RuntimeBadge';
import { SaveRunButton } from '../../library/_components/SaveRunButton';
import { VariantChips } from './VariantChips';
import styles from './Toolbar.module.css';

export function Toolbar() {
  return (
    <div className={styles.toolbar}>
      <RunControls />
      <SaveRunButton />
      <RunProgress />
      <RuntimeBadge />
      <VariantChips />
      <GhostBar />
      <RoundNotes />
    </div>
  );
}
