import { redirect } from 'next/navigation';
import { serverCaller } from '../../../server/trpc/caller';
import { encodeConfigHash } from '../../lib/urlState';
import { LibraryHeader } from '../../library/_components/LibraryHeader';
import { LibraryUnavailable } from '../../library/_components/LibraryUnavailable';
import { fromLibrary } from '../../library/_components/serverData';
import styles from '../../library/_components/library.module.css';

export const dynamic = 'force-dynamic';

/** An experiment's permalink: opens the studio with its config loaded (through the studio's URL hash), ready to run. */
export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const experiment = await fromLibrary(() => serverCaller().experiments.get({ id }));
  if ('unavailable' in experiment) {
    return (
      <div className={styles.page}>
        <LibraryHeader current="run" />
        <LibraryUnavailable message={experiment.unavailable} />
      </div>
    );
  }
  const hash = encodeConfigHash(experiment.data.config);
  redirect(hash ? `/#${hash}` : '/');
}
