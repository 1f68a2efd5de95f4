// tfjs-wasm sends a matmul to XNNPACK only when neither operand is transposed and the batch is 1; otherwise it runs a
// scalar triple loop (batch_mat_mul_impl.cc, slow_batch_matmul). XNNPACK re-packs its right operand `b` (with a
// transposing copy) whenever b is a new tensor, which in training is every step. So we materialise transposes
// explicitly and pick, of C = op(A)·op(B) and C = (op(B)ᵀ·op(A)ᵀ)ᵀ, the form that moves the fewest elements.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { reshaped, type KernelRunner } from '../kernelRunner';

/** Measured on this machine: packing b costs ≈ 4× a Transpose per element (100k elements: ≈440 µs vs ≈60–200 µs). */
const PACK_COST = 4;

export type Orientation = 'plain' | 'flipped';

/** Rows × cols of a rank ≥ 2 operand whose leading (batch) dimensions are all 1, or null. */
export function matrixDims(info: TensorInfo): [number, number] | null {
  const { shape } = info;
  if (shape.length < 2) return null;
  for (let i = 0; i < shape.length - 2; i++) if (shape[i] !== 1) return null;
  return [shape[shape.length - 2], shape[shape.length - 1]];
}

/** Elements transposed plus weighted elements packed, for each way of computing op(A)·op(B) on XNNPACK. */
export function chooseOrientation(
  aDims: [number, number],
  bDims: [number, number],
  transposeA: boolean,
  transposeB: boolean,
): Orientation {
  const sizeA = aDims[0] * aDims[1];
  const sizeB = bDims[0] * bDims[1];
  const m = transposeA ? aDims[1] : aDims[0];
  const n = transposeB ? bDims[0] : bDims[1];
  const plain = (transposeA ? sizeA : 0) + (transposeB ? sizeB : 0) + PACK_COST * sizeB;
  // Flipped: left = op(B)ᵀ (B as stored when transposeB), right = op(A)ᵀ (A as stored when transposeA), then Cᵀ → C.
  const flipped = (transposeB ? 0 : sizeB) + (transposeA ? 0 : sizeA) + PACK_COST * sizeA + m * n;
  return flipped < plain ? 'flipped' : 'plain';
}

/**
 * op(A)·op(B) as a [M, N] tensor, computed by `untransposed(left, right)` (an XNNPACK product of rank-3, batch-1,
 * untransposed operands) in the given orientation.
 */
export function orientedMatMul(
  runner: KernelRunner,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
  orientation: Orientation,
  untransposed: (left: TensorInfo, right: TensorInfo) => TensorInfo,
): TensorInfo {
  const flip = orientation === 'flipped';
  const [left, transposeLeft, right, transposeRight] = flip
    ? [b, !transposeB, a, !transposeA]
    : [a, transposeA, b, transposeB];
  const l = transposeLeft ? transpose2D(runner, left) : as3D(left);
  const r = transposeRight ? transpose2D(runner, right) : as3D(right);
  const product = untransposed(l, r);
  if (transposeLeft) runner.free(l);
  if (transposeRight) runner.free(r);
  const [rows, cols] = product.shape.slice(-2);
  if (!flip) return reshaped(product, [rows, cols]);
  const out = transpose2D(runner, product);
  runner.free(product);
  return reshaped(out, [cols, rows]);
}

function as3D(info: TensorInfo): TensorInfo {
  const [rows, cols] = info.shape.slice(-2);
  return reshaped(info, [1, rows, cols]);
}

/** A new [1, cols, rows] tensor holding the transpose of a batch-1 matrix. */
function transpose2D(runner: KernelRunner, info: TensorInfo): TensorInfo {
  const [rows, cols] = info.shape.slice(-2);
  const out = runner.run('Transpose', { x: reshaped(info, [rows, cols]) }, { perm: [1, 0] });
  return reshaped(out, [1, cols, rows]);
}
