import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import { Rng, rngFor } from '../rng';
import { imageWarp } from './imageWarp';
import type { FeatureTransform } from './types';

/** One client's feature-skew draw. Shifts are in pixels for images and in input units for 2-D points. */
export type FeatureSkewParams =
  | { kind: 'rotation'; degrees: number }
  | { kind: 'shift'; dx: number; dy: number }
  | { kind: 'noise'; std: number };

/** Largest transform at featureSkewStrength = 1 for images (MNIST) and for 2-D points. */
const LIMITS = {
  image: { degrees: 45, shift: 4, noiseStd: 0.5 },
  points: { degrees: 60, shift: 0.5, noiseStd: 0.5 },
} as const;

type Layout = { kind: 'image'; height: number; width: number } | { kind: 'points' };

function layoutOf(dataset: Dataset): Layout {
  const shape = dataset.inputShape;
  if (shape.length === 3 && shape[2] === 1) return { kind: 'image', height: shape[0], width: shape[1] };
  if (shape.length === 1 && shape[0] === 2) return { kind: 'points' };
  throw new Error(`feature skew supports grayscale images and 2-D points, not input shape [${shape.join(', ')}]`);
}

/** The transform client `clientId` gets, or undefined when feature skew is off. */
export function featureSkewParams(
  config: ExperimentConfig,
  dataset: Dataset,
  clientId: number,
): FeatureSkewParams | undefined {
  return drawParams(config, dataset, rngFor(config.seed, 'feature-skew', 0, clientId));
}

function drawParams(config: ExperimentConfig, dataset: Dataset, rng: Rng): FeatureSkewParams | undefined {
  const { featureSkew, featureSkewStrength: strength } = config.partition;
  if (featureSkew === 'none' || strength === 0) return undefined;
  const limits = LIMITS[layoutOf(dataset).kind];
  const symmetric = (max: number) => max * strength * (2 * rng.float() - 1);
  switch (featureSkew) {
    case 'rotation':
      return { kind: 'rotation', degrees: symmetric(limits.degrees) };
    case 'shift':
      return { kind: 'shift', dx: symmetric(limits.shift), dy: symmetric(limits.shift) };
    case 'noise':
      return { kind: 'noise', std: limits.noiseStd * strength * rng.float() };
  }
}

/**
 * Client `clientId`'s input transform (feature skew), applied in place to a batch; undefined when feature skew is
 * off. Drawn from rngFor(seed, 'feature-skew', 0, clientId). Rotation and shift are fixed per client; 'noise' fixes
 * the client's noise level, and each example's noise is fixed too (images stay clipped to [0, 1]).
 */
export function featureTransformFor(
  config: ExperimentConfig,
  dataset: Dataset,
  clientId: number,
): FeatureTransform | undefined {
  const rng = rngFor(config.seed, 'feature-skew', 0, clientId);
  const params = drawParams(config, dataset, rng);
  if (!params) return undefined;
  const layout = layoutOf(dataset);
  if (params.kind === 'noise') return addNoise(params.std, layout.kind === 'image', dataset.featureSize, rng.nextUint32());
  const radians = params.kind === 'rotation' ? (params.degrees * Math.PI) / 180 : 0;
  const [dx, dy] = params.kind === 'shift' ? [params.dx, params.dy] : [0, 0];
  return layout.kind === 'image'
    ? imageWarp(layout.height, layout.width, radians, dx, dy)
    : movePoints(radians, dx, dy);
}

/** Rotates 2-D points about the origin, then shifts them. */
function movePoints(radians: number, dx: number, dy: number): FeatureTransform {
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return (x, count) => {
    for (let i = 0; i < 2 * count; i += 2) {
      const px = x[i];
      const py = x[i + 1];
      x[i] = cos * px - sin * py + dx;
      x[i + 1] = sin * px + cos * py + dy;
    }
  };
}

/**
 * Adds Gaussian noise that is fixed per (client, example): the stream is keyed by a hash of the example's own values,
 * so a client sees the same noisy example whichever worker trains it and however often it was seen before.
 */
function addNoise(std: number, clip: boolean, featureSize: number, clientKey: number): FeatureTransform {
  return (x, count) => {
    const bits = new Uint32Array(x.buffer, x.byteOffset, count * featureSize);
    for (let row = 0; row < count; row++) {
      const start = row * featureSize;
      let hash = 0x811c9dc5;
      for (let i = start; i < start + featureSize; i++) hash = Math.imul(hash ^ bits[i], 0x01000193);
      const rng = new Rng(clientKey, hash >>> 0);
      for (let i = start; i < start + featureSize; i++) {
        const v = x[i] + std * rng.normal();
        x[i] = clip ? Math.min(1, Math.max(0, v)) : v;
      }
    }
  };
}
