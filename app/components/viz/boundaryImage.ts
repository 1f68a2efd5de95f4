/** Pure pieces of the decision-boundary view: validation, probability grid → RGBA image, data → pixel mapping. */

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Why the inputs cannot be drawn, or null if they can. */
export function boundaryProblem(
  gridLength: number,
  resolution: number,
  numClasses: number,
  box: Box,
  pointsLength: number,
  labelsLength: number,
): string | null {
  if (!Number.isInteger(resolution) || resolution < 1) return `resolution must be a positive integer, got ${resolution}`;
  if (!Number.isInteger(numClasses) || numClasses < 1) return `numClasses must be a positive integer, got ${numClasses}`;
  const expected = resolution * resolution * numClasses;
  if (gridLength !== expected) return `grid has ${gridLength} values, expected ${resolution}×${resolution}×${numClasses} = ${expected}`;
  if (!(box.xMax > box.xMin) || !(box.yMax > box.yMin)) return `box is empty: x ${box.xMin}…${box.xMax}, y ${box.yMin}…${box.yMax}`;
  if (pointsLength !== 2 * labelsLength) return `points has ${pointsLength} values, expected 2 × ${labelsLength} labels`;
  return null;
}

/** Opacity at full confidence and at chance level (1/K): even an uncertain region keeps a hint of its argmax colour. */
const ALPHA_MAX = 0.8;
const ALPHA_MIN = 0.12;

/**
 * RGBA pixels (resolution × resolution, top row first) for a probability grid laid out row-major from yMin to yMax
 * with x fastest and the class fastest of all. Colour = argmax class; opacity rises linearly from ALPHA_MIN at
 * chance (max p = 1/K) to ALPHA_MAX at certainty (max p = 1). NaN probabilities leave the pixel transparent.
 */
export function boundaryImage(
  grid: ArrayLike<number>,
  resolution: number,
  numClasses: number,
  colors: readonly (readonly [number, number, number])[],
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(resolution * resolution * 4);
  const chance = 1 / numClasses;
  for (let r = 0; r < resolution; r++) {
    const imageRow = resolution - 1 - r;
    for (let c = 0; c < resolution; c++) {
      const base = (r * resolution + c) * numClasses;
      let best = 0;
      let p = grid[base];
      for (let k = 1; k < numClasses; k++) {
        if (grid[base + k] > p) {
          p = grid[base + k];
          best = k;
        }
      }
      if (!Number.isFinite(p)) continue;
      const confidence = numClasses > 1 ? Math.min(1, Math.max(0, (p - chance) / (1 - chance))) : 1;
      const [red, green, blue] = colors[best % colors.length];
      const o = (imageRow * resolution + c) * 4;
      out[o] = red;
      out[o + 1] = green;
      out[o + 2] = blue;
      out[o + 3] = Math.round(255 * (ALPHA_MIN + (ALPHA_MAX - ALPHA_MIN) * confidence));
    }
  }
  return out;
}

/** Maps data coordinates to canvas pixels (y up in data, down on canvas). */
export function dataToPixel(box: Box, width: number, height: number): (x: number, y: number) => [number, number] {
  const sx = width / (box.xMax - box.xMin);
  const sy = height / (box.yMax - box.yMin);
  return (x, y) => [(x - box.xMin) * sx, height - (y - box.yMin) * sy];
}
