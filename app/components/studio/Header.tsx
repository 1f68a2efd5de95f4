'use client';
import { LibraryLink } from '../../library/_components/LibraryLink';
import { PresetMenu } from './PresetMenu';
import { ShareButton } from './ShareButton';
import { ThemeToggle } from './ThemeToggle';
import styles from './Header.module.css';

export function Header() {
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <svg className={styles.logo} viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="3.2" />
          <circle cx="4" cy="5" r="2" />
          <circle cx="20" cy="5" r="2" />
          <circle cx="4" cy="19" r="2" />
          <circle cx="20" cy="19" r="2" />
          <path d="M5.6 6.2 9.6 10M18.4 6.2 14.4 10M5.6 17.8 9.6 14M18.4 17.8 14.4 14" />
        </svg>
        <h1 className={styles.title}>FedStudio</h1>
        <span className={styles.tagline}>federated learning, live in your browser</span>
      </div>
      <nav className={styles.actions} aria-label="Studio">
        <LibraryLink />
        <PresetMenu />
        <ShareButton />
        <ThemeToggle />
      </nav>
    </header>
  );
}
