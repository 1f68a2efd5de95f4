import type { Metadata } from 'next';
import { LibraryHeader } from './_components/LibraryHeader';
import styles from './_components/library.module.css';
import { LibraryView } from './LibraryView';

export const metadata: Metadata = { title: 'Library · FedStudio' };

/** Saved experiments and runs: search, filter, compare, delete, import a config. */
export default function LibraryPage() {
  return (
    <div className={styles.page}>
      <LibraryHeader current="library" />
      <LibraryView />
    </div>
  );
}
