'use client';
import { useStudio } from '../../lib/store';
import { LINK_ISSUE } from '../../lib/urlState';
import styles from './Banner.module.css';

/**
 * What was wrong with the link opened or pasted: each field that fell back to its default, or why the link could not
 * be read at all (then the studio shows the defaults, or keeps the open experiment when the link was pasted).
 */
export function UrlIssuesBanner() {
  const issues = useStudio((s) => s.urlIssues);
  if (issues.length === 0) return null;
  const linkLevel = issues.every((i) => i.path === LINK_ISSUE);
  return (
    <div className={styles.banner} role="alert" data-testid="url-issues">
      <div className={styles.body}>
        <strong>
          {linkLevel ? 'This link could not be read.' : 'Some settings in this link were invalid and were reset to their defaults:'}
        </strong>
        <ul className={styles.list}>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path !== LINK_ISSUE && <code>{issue.path || '(config)'}</code>} {issue.message}
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
