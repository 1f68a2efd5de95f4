// tfjs-wasm sends a matmul to XNNPACK only when neither operand is transposed and the batch is 1; otherwise it runs a
// scalar triple loop (batch_mat_mul_impl.cc, slow_batch_matmul). XNNPACK re-packs its right operand `b` (with a
// transposing copy) whenever b is a new tensor, which in training is every step. So we materialise transposes
// explicitly and pick, of C = op(A)·op(B) and C = (op(B)ᵀ·op(A)ᵀ)ᵀ, the form estimated to cost less.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { reshaped, type KernelRunner } from '../kernelRunner';

// Rough costs on this machine (ns), fitted to timings of the MLP, CNN and logistic-regression products:
// Transpose ≈ 1 per element, XNNPACK's packing of b ≈ 2 per element, its GEMM ≈ 0.1 per multiply-add with the
// output columns padded to its 8-wide tiles, and ≈ 8 µs per extra kernel launch.
const TRANSPOSE_NS = 1;
const PACK_NS = 2;
const MAC_NS = 0.1;
const LAUNCH_NS = 8_000;

export type Orientation = 'plain' | 'flipped';

/** Rows × cols of a rank ≥ 2 operand whose leading (batch) dimensions are all 1, or null. */
export function matrixDims(info: TensorInfo): [number, number] | null {
  const { shape } = info;
  if (shape.length < 2) return null;
  for (let i = 0; i < shape.length - 2; i++) if (shape[i] !== 1) return null;
  return [shape[shape.length - 2], shape[shape.length - 1]];
}

/** The cheaper way, by the estimates above, to compute op(A)·op(B) on XNNPACK. */
export function chooseOrientation(
  aDims: [number, number],
  bDims: [number, number],
  transposeA: boolean,
  transposeB: boolean,
): Orientation {
  const sizeA = aDims[0] * aDims[1];
  const sizeB = bDims[0] * bDims[1];
  const m = transposeA ? aDims[1] : aDims[0];
  const k = transposeA ? aDims[0] : aDims[1];
  const n = transposeB ? bDims[0] : bDims[1];
  const transpose = (size: number) => TRANSPOSE_NS * size + LAUNCH_NS;
  const gemm = (rows: number, cols: number) => MAC_NS * rows * k * Math.ceil(cols / 8) * 8;
  const plain =
    (transposeA ? transpose(sizeA) : 0) + (transposeB ? transpose(sizeB) : 0) + PACK_NS * sizeB + gemm(m, n);
  // Flipped: left = op(B)ᵀ (B as stored when transposeB), right = op(A)ᵀ (A as stored when transposeA), then Cᵀ → C.
  const flipped =
    (transposeB ? 0 : transpose(sizeB)) +
    (transposeA ? 0 : transpose(sizeA)) +
    PACK_NS * sizeA +
    gemm(n, m) +
    transpose(m * n);
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
