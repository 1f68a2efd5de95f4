import Link from 'next/link';
import { LibraryHeader } from '../../library/_components/LibraryHeader';
import styles from '../../library/_components/library.module.css';

export default function ExperimentNotFound() {
  return (
    <div className={styles.page}>
      <LibraryHeader current="run" />
      <main className={styles.main}>
        <h1 className={styles.title}>Experiment not found</h1>
        <p>
          This experiment is not in the library (it may have been deleted). <Link href="/library">Browse the library</Link>.
        </p>
      </main>
    </div>
  );
}
