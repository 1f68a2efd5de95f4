// The variants of the experiment, as the studio edits them: "Compare with…" next to a field adds one that sets
// that field, a chip edits its value or removes it. Each edit is an experiment edit (configEdit.ts: over a run it
// resets the run, keeping ghosts and Undo).
import { fieldInfo } from '../../core/config/fieldInfo';
import { MAX_VARIANTS, type VariantSpec } from '../../core/config/variants';
import { currentSettings, setVariants } from './configEdit';
import { getAt } from './configPath';
import { fieldSpec } from './fields';
import { useStudio } from './store';

/** Whether one more variant fits (the base counts as one). */
export function canAddVariant(variants: readonly VariantSpec[]): boolean {
  return variants.length < MAX_VARIANTS - 1;
}

/**
 * A first value for a variant of `path`: for a choice, the first other option the config allows (a contrast at
 * once), else the base's own value for the user to change in the chip.
 */
function contrastValue(path: string): unknown {
  const config = currentSettings(useStudio.getState().config);
  const base = getAt(config, path);
  const { kind } = fieldInfo(path);
  if (kind.type === 'enum') {
    const disabled = fieldSpec(path)?.disabledChoice;
    return kind.options.find((option) => option !== base && !disabled?.(config, option)) ?? base;
  }
  if (kind.type === 'boolean') return base !== true;
  return base;
}

export function addVariant(path: string): void {
  const { variants } = useStudio.getState();
  if (!canAddVariant(variants)) return;
  const label = fieldSpec(path)?.label ?? path;
  setVariants([...variants, { set: { [path]: contrastValue(path) } }], `a variant of ${label}`);
}

export function setVariantValue(index: number, path: string, value: unknown): void {
  const { variants } = useStudio.getState();
  const next = variants.map((spec, i) => (i === index ? { ...spec, set: { ...spec.set, [path]: value } } : spec));
  setVariants(next, `a variant's ${fieldSpec(path)?.label ?? path}`);
}

export function removeVariant(index: number): void {
  const { variants } = useStudio.getState();
  setVariants(
    variants.filter((_, i) => i !== index),
    'the variants',
  );
}
