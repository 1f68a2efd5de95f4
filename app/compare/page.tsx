import type { Metadata } from 'next';
import Link from 'next/link';
import { TRPCError } from '@trpc/server';
import { serverCaller } from '../../server/trpc/caller';
import { LibraryHeader } from '../library/_components/LibraryHeader';
import { LibraryUnavailable } from '../library/_components/LibraryUnavailable';
import { fromLibrary } from '../library/_components/serverData';
import styles from '../library/_components/library.module.css';
import { CompareView } from './CompareView';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare runs · FedStudio' };

/** The runs and their diff, or why they cannot be compared (wrong count, unknown id). */
async function compare(ids: string[]) {
  try {
    return await serverCaller().runs.compare({ ids });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND')) return { error: error.message };
    throw error;
  }
}

/** /compare?ids=a,b[,c,d]: overlays saved runs. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  const { ids } = await searchParams;
  const list = (Array.isArray(ids) ? ids.join(',') : (ids ?? '')).split(',').filter(Boolean);
  const loaded = await fromLibrary(() => compare(list));
  return (
    <div className={styles.page}>
      <LibraryHeader current="compare" />
      {'unavailable' in loaded ? (
        <LibraryUnavailable message={loaded.unavailable} />
      ) : 'error' in loaded.data ? (
        <main className={styles.main}>
          <h1 className={styles.title}>Cannot compare these runs</h1>
          <p className={styles.error} role="alert">
            {loaded.data.error}
          </p>
          <p>
            Pick 2 to 4 runs in the <Link href="/library">library</Link>.
          </p>
        </main>
      ) : (
        <CompareView runs={loaded.data.runs} diff={loaded.data.diff} />
      )}
    </div>
  );
}
