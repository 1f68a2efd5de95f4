import Link from 'next/link';
import ui from '../../components/studio/ui.module.css';
import styles from './library.module.css';

/** The studio header's way to the experiment library. */
export function LibraryLink() {
  return (
    <Link href="/library" className={`${ui.button} ${styles.linkButton}`} data-testid="library-link">
      Library
    </Link>
  );
}
