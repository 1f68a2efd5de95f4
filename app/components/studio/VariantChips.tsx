'use client';
import { variantLabels } from '../../../core/config/variants';
import { currentSettings, reportFieldError } from '../../lib/configEdit';
import { fieldSpec } from '../../lib/fields';
import { preflight } from '../../lib/preflight';
import { useStudio } from '../../lib/store';
import { removeVariant, setVariantValue } from '../../lib/variantEdit';
import { variantColor } from '../viz/palette';
import { FieldEditor } from './fields/ConfigField';
import styles from './VariantChips.module.css';

/** The run's variants as chips (the base first): label, colour, the value each one sets, remove. */
export function VariantChips() {
  const variants = useStudio((s) => s.variants);
  const config = useStudio((s) => currentSettings(s.config));
  const problems = useStudio(preflight).byPath;
  const fieldErrors = useStudio((s) => s.fieldErrors);
  if (variants.length === 0) return null;
  const labels = variantLabels(config, variants);
  return (
    <ul className={styles.chips} aria-label="Variants run side by side" data-testid="variants">
      <li className={styles.chip} data-testid="variant-0" data-label={labels[0]}>
        <span className={styles.swatch} style={{ background: variantColor(0) }} aria-hidden="true" />
        <span className={styles.label}>{labels[0]}</span>
        <span className={styles.muted}>(the settings)</span>
      </li>
      {variants.map((spec, i) => {
        const k = i + 1;
        return (
          <li key={k} className={styles.chip} data-testid={`variant-${k}`} data-label={labels[k]}>
            <span className={styles.swatch} style={{ background: variantColor(k) }} aria-hidden="true" />
            <span className={styles.label}>{labels[k]}</span>
            {Object.entries(spec.set).map(([path, value]) => {
              const field = fieldSpec(path);
              const id = `variants.${k}.set.${path}`;
              if (!field) return <code key={path}>{`${path} = ${JSON.stringify(value)}`}</code>;
              return (
                <span key={path} className={styles.editor}>
                  <FieldEditor
                    spec={field}
                    config={config}
                    value={value}
                    id={id}
                    compact
                    error={fieldErrors[id] ?? problems[id] ?? problems[`variants.${k}`]}
                    onCommit={(next) => {
                      reportFieldError(id, null);
                      setVariantValue(i, path, next);
                    }}
                    onInvalid={(message) => reportFieldError(id, message)}
                  />
                </span>
              );
            })}
            <button
              type="button"
              className={styles.remove}
              aria-label={`Remove the variant ${labels[k]}`}
              title="Remove this variant"
              data-testid={`remove-variant-${k}`}
              onClick={() => removeVariant(i)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
