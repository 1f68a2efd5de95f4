/** Loss and hits of one batch. */
export interface BatchLoss {
  /** Σ over the batch of −log softmax(logits)[label]. */
  lossSum: number;
  /** Examples whose arg-max logit is the label. */
  correct: number;
}

/**
 * Softmax cross-entropy of `count` rows of `classes` logits, computed in JS on the logits' buffer: a batch of 32×10
 * values costs less here than the ~8 kernel launches the same maths takes on a backend. If `dLogits` is given it
 * receives scale · ∂(mean loss)/∂logits = scale · (softmax − onehot) / count.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: Int32Array,
  count: number,
  classes: number,
  dLogits?: Float32Array,
  scale = 1,
): BatchLoss {
  let lossSum = 0;
  let correct = 0;
  const gradScale = scale / count;
  for (let i = 0; i < count; i++) {
    const row = i * classes;
    const label = labels[i];
    let max = logits[row];
    let argMax = 0;
    for (let c = 1; c < classes; c++) {
      if (logits[row + c] > max) {
        max = logits[row + c];
        argMax = c;
      }
    }
    let sumExp = 0;
    for (let c = 0; c < classes; c++) sumExp += Math.exp(logits[row + c] - max);
    // −log softmax[label] = log Σ exp(z − max) − (z_label − max)
    lossSum += Math.log(sumExp) - (logits[row + label] - max);
    if (argMax === label) correct++;
    if (dLogits) {
      for (let c = 0; c < classes; c++) {
        const p = Math.exp(logits[row + c] - max) / sumExp;
        dLogits[row + c] = gradScale * (c === label ? p - 1 : p);
      }
    }
  }
  return { lossSum, correct };
}

/** Row-wise softmax of `count` rows of `classes` logits into `out`. */
export function softmax(logits: Float32Array, count: number, classes: number, out: Float32Array): void {
  for (let i = 0; i < count; i++) {
    const row = i * classes;
    let max = logits[row];
    for (let c = 1; c < classes; c++) max = Math.max(max, logits[row + c]);
    let sumExp = 0;
    for (let c = 0; c < classes; c++) sumExp += out[row + c] = Math.exp(logits[row + c] - max);
    for (let c = 0; c < classes; c++) out[row + c] /= sumExp;
  }
}
