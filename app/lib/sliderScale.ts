// Maps a config value to a slider position and back. Ranges that span decades (α from 0.001 to 1000, learning
// rates) use a logarithmic slider whose values are rounded to two significant digits.

export interface SliderScale {
  /** The <input type="range"> attributes. */
  min: number;
  max: number;
  step: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
}

const LOG_STEPS = 1_000;

export function sliderScale(opts: { min: number; max: number; integer: boolean; log?: boolean; step?: number }): SliderScale {
  const { min, max, integer } = opts;
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  if (opts.log) {
    if (!(min > 0)) throw new Error(`a logarithmic slider needs a positive minimum, got ${min}`);
    const lo = Math.log10(min);
    const span = Math.log10(max) - lo;
    return {
      min: 0,
      max: LOG_STEPS,
      step: 1,
      toPosition: (value) => Math.round(((Math.log10(clamp(value)) - lo) / span) * LOG_STEPS),
      fromPosition: (position) => {
        const raw = 10 ** (lo + (position / LOG_STEPS) * span);
        return clamp(integer ? Math.round(raw) : Number(raw.toPrecision(2)));
      },
    };
  }
  const step = opts.step ?? (integer ? 1 : (max - min) / 100);
  return {
    min,
    max,
    step,
    toPosition: clamp,
    fromPosition: (position) => clamp(integer ? Math.round(position) : Number(position.toPrecision(6))),
  };
}
