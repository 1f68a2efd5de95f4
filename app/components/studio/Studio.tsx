'use client';
import { useEffect } from 'react';
import { startBoundaryFeed } from '../../lib/boundaryFeed';
import { startPartitionPreview } from '../../lib/partitionPreview';
import { runWhenReady } from '../../lib/preflight';
import { pauseRun } from '../../lib/runSession';
import { initRuntime } from '../../lib/runtime';
import { useStudio } from '../../lib/store';
import { startUrlSync } from '../../lib/urlSync';
import { ConfigPanel } from './ConfigPanel';
import { Header } from './Header';
import { Stage } from './Stage';
import { Toolbar } from './Toolbar';
import { UrlIssuesBanner } from './UrlIssuesBanner';
import styles from './Studio.module.css';

function onShortcut(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  const { status } = useStudio.getState().run;
  void (status === 'running' || status === 'starting' ? pauseRun() : runWhenReady('run'));
}

/** The one-screen studio: settings on the left, run controls and live views on the right. */
export function Studio() {
  useEffect(() => {
    const stopUrl = startUrlSync();
    void initRuntime();
    const stopPreview = startPartitionPreview();
    const stopBoundaries = startBoundaryFeed();
    window.addEventListener('keydown', onShortcut);
    return () => {
      stopUrl();
      stopPreview();
      stopBoundaries();
      window.removeEventListener('keydown', onShortcut);
    };
  }, []);

  return (
    <div className={styles.app}>
      <Header />
      <UrlIssuesBanner />
      <div className={styles.body}>
        <aside className={styles.sidebar} aria-label="Settings">
          <ConfigPanel />
        </aside>
        <main className={styles.main}>
          <Toolbar />
          <Stage />
        </main>
      </div>
    </div>
  );
}
