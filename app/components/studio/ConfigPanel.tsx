'use client';
import { fieldInfo } from '../../../core/config/fieldInfo';
import { currentSettings } from '../../lib/configEdit';
import { FIELD_GROUPS, type FieldSpec } from '../../lib/fields';
import { preflight } from '../../lib/preflight';
import { useStudio } from '../../lib/store';
import { addVariant, canAddVariant } from '../../lib/variantEdit';
import { ConfigField } from './fields/ConfigField';
import { PrivacyPlanner } from './PrivacyPlanner';
import { WorkersField } from './WorkersField';
import styles from './ConfigPanel.module.css';

/**
 * Every experiment option, grouped; knobs that have no effect for the current choices are hidden. A field shows the
 * edit it refused, else what stops the experiment from running that its path names (a rule or the partition).
 */
export function ConfigPanel() {
  // With live changes made during the run, the values it uses now.
  const config = useStudio((s) => currentSettings(s.config));
  const variants = useStudio((s) => s.variants);
  const room = canAddVariant(variants);
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
                <div key={spec.path} className={styles.row}>
                  <ConfigField spec={spec} config={config} error={fieldErrors[spec.path] ?? problems[spec.path]} />
                  {room && comparable(spec) && <CompareButton spec={spec} />}
                </div>
              ))}
            {group.id === 'system' && <WorkersField />}
            {group.id === 'privacy' && <PrivacyPlanner />}
          </div>
        </details>
      ))}
    </form>
  );
}

/** Fields a variant can sensibly vary: choices, numbers and switches of the experiment (not its name or seed). */
function comparable(spec: FieldSpec): boolean {
  if (spec.path === 'name' || spec.path === 'seed') return false;
  return ['enum', 'number', 'boolean'].includes(fieldInfo(spec.path).kind.type);
}

/** "Compare with…": a variant that sets this field, run beside the settings; its value is edited in its chip. */
function CompareButton({ spec }: { spec: FieldSpec }) {
  return (
    <button
      type="button"
      className={styles.compare}
      title={`Compare with… another ${spec.label} (a variant run side by side)`}
      aria-label={`Compare with another ${spec.label}`}
      data-testid={`compare-${spec.path}`}
      onClick={() => addVariant(spec.path)}
    >
      ⇄
    </button>
  );
}
