// Maps a config value to a slider position and back. Ranges that span decades (α from 0.001 to 1000, learning
// rates) use a logarithmic slider whose values are rounded to two significant digits.

export interface SliderScale {
  /** The <input type="range"> attributes. */
  min: number;
  max: number;
  step: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
  /**
   * The value for a slider moved to `position` from `current`. Where rounding maps neighbouring positions to the
   * same value (one arrow-key step on a log slider), it moves on in that direction to the next different value,
   * so the keyboard never gets stuck.
   */
  moveTo(position: number, current: number): number;
}

const LOG_STEPS = 1_000;

export function sliderScale(opts: { min: number; max: number; integer: boolean; log?: boolean; step?: number }): SliderScale {
  const { min, max, integer } = opts;
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const withMove = (scale: Omit<SliderScale, 'moveTo'>): SliderScale => ({
    ...scale,
    moveTo(position, current) {
      const from = scale.toPosition(current);
      const direction = Math.sign(position - from);
      let p = position;
      let value = scale.fromPosition(p);
      while (value === current && direction !== 0 && p > scale.min && p < scale.max) {
        p += direction * scale.step;
        value = scale.fromPosition(p);
      }
      return value;
    },
  });
  if (opts.log) {
    if (!(min > 0)) throw new Error(`a logarithmic slider needs a positive minimum, got ${min}`);
    const lo = Math.log10(min);
    const span = Math.log10(max) - lo;
    return withMove({
      min: 0,
      max: LOG_STEPS,
      step: 1,
      toPosition: (value) => Math.round(((Math.log10(clamp(value)) - lo) / span) * LOG_STEPS),
      fromPosition: (position) => {
        const raw = 10 ** (lo + (position / LOG_STEPS) * span);
        return clamp(integer ? Math.round(raw) : Number(raw.toPrecision(2)));
      },
    });
  }
  const step = opts.step ?? (integer ? 1 : (max - min) / 100);
  return withMove({
    min,
    max,
    step,
    toPosition: clamp,
    fromPosition: (position) => clamp(integer ? Math.round(position) : Number(position.toPrecision(6))),
  });
}
