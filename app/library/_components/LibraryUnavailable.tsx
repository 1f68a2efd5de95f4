import styles from './library.module.css';

/** Shown instead of a run or compare page when the library database cannot be used; the message names the fix. */
export function LibraryUnavailable({ message }: { message: string }) {
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>The library is unavailable</h1>
      <p className={styles.error} role="alert" data-testid="library-unavailable">
        {message}
      </p>
    </main>
  );
}
