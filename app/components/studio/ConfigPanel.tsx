'use client';
import { FIELD_GROUPS } from '../../lib/fields';
import { preflight } from '../../lib/preflight';
import { useStudio } from '../../lib/store';
import { ConfigField } from './fields/ConfigField';
import { PrivacyPlanner } from './PrivacyPlanner';
import { WorkersField } from './WorkersField';
import styles from './ConfigPanel.module.css';

/**
 * Every experiment option, grouped; knobs that have no effect for the current choices are hidden. A field shows the
 * edit it refused, else what stops the experiment from running that its path names (a rule or the partition).
 */
export function ConfigPanel() {
  const config = useStudio((s) => s.config);
  const fieldErrors = useStudio((s) => s.fieldErrors);
  const problems = useStudio(preflight).byPath;
  return (
    <form className={styles.panel} aria-label="Experiment settings" onSubmit={(e) => e.preventDefault()}>
      {FIELD_GROUPS.map((group) => (
        <details key={group.id} className={styles.group} open data-testid={`group-${group.id}`}>
          <summary className={styles.summary}>{group.title}</summary>
          <div className={styles.fields}>
            {group.fields
              .filter((spec) => !spec.when || spec.when(config))
              .map((spec) => (
                <ConfigField
                  key={spec.path}
                  spec={spec}
                  config={config}
                  error={fieldErrors[spec.path] ?? problems[spec.path]}
                />
              ))}
            {group.id === 'system' && <WorkersField />}
            {group.id === 'privacy' && <PrivacyPlanner />}
          </div>
        </details>
      ))}
    </form>
  );
}
