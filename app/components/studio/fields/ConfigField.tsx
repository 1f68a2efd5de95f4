'use client';
import type { ExperimentConfig } from '../../../../core/config/schema';
import { reportFieldError, requestChange } from '../../../lib/configEdit';
import { getAt, setAt } from '../../../lib/configPath';
import type { FieldSpec } from '../../../lib/fields';
import { fieldInfo } from '../../../../core/config/fieldInfo';
import { ChoiceField } from './ChoiceField';
import { NumberField } from './NumberField';
import { OptionalNumberField } from './OptionalNumberField';
import { TextField } from './TextField';
import { ToggleField } from './ToggleField';

export interface ConfigFieldProps {
  spec: FieldSpec;
  config: ExperimentConfig;
  error?: string;
}

/** One config knob, its editor chosen from the schema's type for `spec.path`. */
export function ConfigField({ spec, config, error }: ConfigFieldProps) {
  const { path, label } = spec;
  return (
    <FieldEditor
      spec={spec}
      config={config}
      value={getAt(config, path)}
      error={error}
      onCommit={(next) => requestChange(path, next, label)}
      onInvalid={(message) => reportFieldError(path, message)}
    />
  );
}

export interface FieldEditorProps extends ConfigFieldProps {
  value: unknown;
  onCommit: (value: unknown) => void;
  onInvalid: (message: string | null) => void;
  /** The field's id in tests and errors when it is not `spec.path` (a variant's value: `variants.1.set.<path>`). */
  id?: string;
  /** No slider (compact rows such as a variant chip). */
  compact?: boolean;
}

/** The editor of one field's value, whoever owns the value (the experiment, a variant). */
export function FieldEditor({ spec, config, value, error, onCommit: commit, onInvalid: invalid, id, compact }: FieldEditorProps) {
  const { path: specPath, label, help } = spec;
  const { kind, optional } = fieldInfo(specPath);
  const path = id ?? specPath;
  const common = { path, label, help, error };

  switch (kind.type) {
    case 'number': {
      const numberProps = {
        ...common,
        min: kind.min,
        max: spec.maxFrom ? Math.min(kind.max, spec.maxFrom(config)) : kind.max,
        integer: kind.integer,
        log: spec.log,
        step: spec.step,
        noSlider: spec.noSlider || compact,
        onInvalid: invalid,
      };
      if (optional) {
        // Computed on the config without this field: core's default helpers return the field's value when it is set.
        const defaultValue = spec.defaultFrom?.(setAt(config, specPath, undefined)) ?? kind.min;
        return (
          <OptionalNumberField
            {...numberProps}
            value={value as number | undefined}
            defaultValue={defaultValue}
            defaultLabel={spec.defaultLabel ?? String(defaultValue)}
            onCommit={commit}
          />
        );
      }
      return <NumberField {...numberProps} value={value as number} onCommit={commit} />;
    }
    case 'enum': {
      // An optional choice offers "the default" first, as the empty value: choosing it unsets the field.
      const chosen = (value as string | undefined) ?? '';
      return (
        <ChoiceField
          {...common}
          help={spec.choiceHelp?.[chosen] ? `${help} ${spec.choiceHelp[chosen]}` : help}
          value={chosen}
          options={optional ? ['', ...kind.options] : kind.options}
          names={optional ? { ...spec.choices, '': `Default (${spec.defaultLabel ?? 'unset'})` } : spec.choices}
          hints={spec.choiceHelp}
          disabledReason={spec.disabledChoice && ((option) => spec.disabledChoice?.(config, option))}
          onCommit={(next) => commit(next === '' ? undefined : next)}
        />
      );
    }
    case 'boolean':
      // An optional switch is unset while off, so that switching it on and off again leaves the config as it was.
      return (
        <ToggleField
          path={path}
          label={label}
          help={help}
          value={value === true}
          onCommit={(on) => commit(optional && !on ? undefined : on)}
        />
      );
    case 'string':
      return (
        <TextField
          {...common}
          value={value as string}
          parse={(text) =>
            text.length > kind.maxLength ? { error: `at most ${kind.maxLength} characters` } : { value: text }
          }
          onCommit={commit}
          onInvalid={invalid}
        />
      );
    case 'intList':
      return (
        <TextField
          {...common}
          value={(value as number[]).join(', ')}
          placeholder="e.g. 128 or 64, 32"
          parse={(text) => parseIntList(text, kind)}
          onCommit={commit}
          onInvalid={invalid}
        />
      );
  }
}

function parseIntList(
  text: string,
  range: { min: number; max: number; minItems: number; maxItems: number },
): { value: number[] } | { error: string } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const values = parts.map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < range.min || v > range.max)) {
    return { error: `each size must be a whole number from ${range.min} to ${range.max} (got "${text}")` };
  }
  if (values.length < range.minItems || values.length > range.maxItems) {
    return { error: `give ${range.minItems} to ${range.maxItems} sizes (got ${values.length})` };
  }
  return { value: values };
}
