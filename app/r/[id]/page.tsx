import type { Metadata } from 'next';
import { serverCaller } from '../../../server/trpc/caller';
import { LibraryHeader } from '../../library/_components/LibraryHeader';
import { LibraryUnavailable } from '../../library/_components/LibraryUnavailable';
import { fromLibrary } from '../../library/_components/serverData';
import styles from '../../library/_components/library.module.css';
import { RunView } from './RunView';

// Reads the database on every request (never prerendered at build time).
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

const loadRun = (id: string) => fromLibrary(() => serverCaller().runs.get({ id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await loadRun((await params).id);
  return { title: 'data' in run ? `${run.data.name} · FedStudio run` : 'Library unavailable · FedStudio' };
}

/** A saved run's permalink: its charts and settings, without re-running it. */
export default async function RunPage({ params }: Props) {
  const run = await loadRun((await params).id);
  return (
    <div className={styles.page}>
      <LibraryHeader current="run" />
      {'data' in run ? <RunView run={run.data} /> : <LibraryUnavailable message={run.unavailable} />}
    </div>
  );
}
