import { defineDataset, type Dataset } from './types';

// Layout written by scripts/prepare-assets.mjs (little endian):
// "FSMN" | u32 count | u32 rows | u32 cols | u8 labels[count] | u8 pixels[count·rows·cols]
const MAGIC = 'FSMN';
const HEADER_BYTES = 16;
const NUM_CLASSES = 10;
const FIX_HINT = 'delete public/data/mnist.bin and run `npm install`, which regenerates it';

function corrupt(reason: string): Error {
  return new Error(`public/data/mnist.bin is missing or corrupt (${reason}): ${FIX_HINT}`);
}

/** Decodes public/data/mnist.bin into a Dataset with pixels scaled to [0, 1]. */
export function decodeMnist(bytes: Uint8Array): Dataset {
  if (bytes.byteLength < HEADER_BYTES) throw corrupt(`${bytes.byteLength} bytes is shorter than the header`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MAGIC) throw corrupt(`expected magic "${MAGIC}", found ${JSON.stringify(magic)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const rows = view.getUint32(8, true);
  const cols = view.getUint32(12, true);
  if (count === 0 || rows === 0 || cols === 0) throw corrupt(`empty header: ${count} images of ${rows}×${cols}`);
  const pixelsPerImage = rows * cols;
  const expected = HEADER_BYTES + count + count * pixelsPerImage;
  if (bytes.byteLength !== expected) {
    throw corrupt(`${count} images of ${rows}×${cols} need ${expected} bytes, file has ${bytes.byteLength}`);
  }

  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = bytes[HEADER_BYTES + i];
    if (label >= NUM_CLASSES) throw corrupt(`label ${label} at image ${i} is not a digit`);
    y[i] = label;
  }
  const scale = new Float32Array(256);
  for (let v = 0; v < 256; v++) scale[v] = v / 255;
  const pixels = bytes.subarray(HEADER_BYTES + count);
  const x = new Float32Array(count * pixelsPerImage);
  for (let i = 0; i < x.length; i++) x[i] = scale[pixels[i]];

  return {
    name: 'mnist',
    x,
    y,
    numExamples: count,
    inputShape: [rows, cols, 1],
    featureSize: pixelsPerImage,
    numClasses: NUM_CLASSES,
  };
}

/** The MNIST digits shipped in public/data/mnist.bin (scripts/prepare-assets.mjs). */
export const mnist = defineDataset({
  name: 'mnist',
  label: 'MNIST digits',
  help: 'About 10,000 handwritten digits, 28×28 grey images in 10 classes (LeCun et al. 1998), shipped with FedStudio.',
  params: {},
  input: 'image',
  async create(_params, { loadAsset }) {
    let bytes: Uint8Array;
    try {
      bytes = await loadAsset('mnist.bin');
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`could not load public/data/mnist.bin (${reason}): run \`npm install\`, which regenerates it`, {
        cause,
      });
    }
    return decodeMnist(bytes);
  },
});
