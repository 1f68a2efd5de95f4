'use client';
import { replaceConfig } from '../../lib/configEdit';
import { PRESETS } from '../../lib/presets';
import ui from './ui.module.css';

/** Loads an example experiment (asks first if that would clear a run). */
export function PresetMenu() {
  return (
    <select
      className={ui.select}
      aria-label="Load a preset experiment"
      value=""
      data-testid="presets"
      onChange={(e) => {
        const preset = PRESETS.find((p) => p.id === e.target.value);
        if (preset) replaceConfig(preset.config, `the preset “${preset.config.name}”`);
      }}
    >
      <option value="" disabled>
        Presets…
      </option>
      {PRESETS.map((p) => (
        <option key={p.id} value={p.id} title={p.description}>
          {p.config.name}
        </option>
      ))}
    </select>
  );
}
