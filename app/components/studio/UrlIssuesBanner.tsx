'use client';
import { useStudio } from '../../lib/store';
import styles from './Banner.module.css';

/** Names every field of the opened link that could not be used; those fields fell back to their defaults. */
export function UrlIssuesBanner() {
  const issues = useStudio((s) => s.urlIssues);
  if (issues.length === 0) return null;
  const linkLevel = issues.every((i) => i.path === '(link)');
  return (
    <div className={styles.banner} role="alert" data-testid="url-issues">
      <div className={styles.body}>
        <strong>
          {linkLevel ? 'This link could not be read.' : 'Some settings in this link were invalid and were reset to their defaults:'}
        </strong>
        <ul className={styles.list}>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path !== '(link)' && <code>{issue.path || '(config)'}</code>} {issue.message}
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className={styles.close}
        aria-label="Dismiss"
        data-testid="alert-dismiss"
        onClick={() => useStudio.setState({ urlIssues: [] })}
      >
        ×
      </button>
    </div>
  );
}
