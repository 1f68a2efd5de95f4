import type { Metadata } from 'next';
import { serverCaller } from '../../../server/trpc/caller';
import { LibraryHeader } from '../../library/_components/LibraryHeader';
import { orNotFound } from '../../library/_components/serverData';
import styles from '../../library/_components/library.module.css';
import { RunView } from './RunView';

// Reads the database on every request (never prerendered at build time).
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const run = await orNotFound(() => serverCaller().runs.get({ id }));
  return { title: `${run.name} · FedStudio run` };
}

/** A saved run's permalink: its charts and settings, without re-running it. */
export default async function RunPage({ params }: Props) {
  const { id } = await params;
  const run = await orNotFound(() => serverCaller().runs.get({ id }));
  return (
    <div className={styles.page}>
      <LibraryHeader current="run" />
      <RunView run={run} />
    </div>
  );
}
