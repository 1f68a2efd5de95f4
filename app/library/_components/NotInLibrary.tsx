import Link from 'next/link';
import { LibraryHeader } from './LibraryHeader';
import styles from './library.module.css';

/** The 404 page of a permalink (`/e/<id>`, `/r/<id>`) whose experiment or run is not in the library. */
export function NotInLibrary({ what }: { what: 'experiment' | 'run' }) {
  const title = what === 'run' ? 'Run' : 'Experiment';
  return (
    <div className={styles.page}>
      <LibraryHeader current="run" />
      <main className={styles.main}>
        <h1 className={styles.title}>{title} not found</h1>
        <p>
          This {what} is not in the library (it may have been deleted). <Link href="/library">Browse the library</Link>.
        </p>
      </main>
    </div>
  );
}
