'use client';
import { replaceConfig } from '../../lib/configEdit';
import { DUEL_PRESETS, PRESETS } from '../../lib/presets';
import ui from './ui.module.css';

/** Loads an example experiment or a duel (over a run: the run resets, its curves stay as ghosts, with Undo). */
export function PresetMenu() {
  return (
    <select
      className={ui.select}
      aria-label="Load a preset experiment"
      value=""
      data-testid="presets"
      onChange={(e) => {
        const preset = [...PRESETS, ...DUEL_PRESETS].find((p) => p.id === e.target.value);
        if (preset) replaceConfig(preset.config, `the preset “${preset.config.name}”`, preset.variants);
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
      <optgroup label="Duels (two variants side by side)">
        {DUEL_PRESETS.map((p) => (
          <option key={p.id} value={p.id} title={p.description}>
            {p.config.name}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
