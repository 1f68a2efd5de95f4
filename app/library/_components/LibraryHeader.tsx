import Link from 'next/link';
import styles from './library.module.css';

/** The header of the library, run and compare pages: back to the studio, or to the library. */
export function LibraryHeader({ current }: { current: 'library' | 'run' | 'compare' }) {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        FedStudio
      </Link>
      <nav className={styles.nav} aria-label="Pages">
        <Link href="/">Studio</Link>
        <Link href="/library" aria-current={current === 'library' ? 'page' : undefined}>
          Library
        </Link>
      </nav>
    </header>
  );
}
