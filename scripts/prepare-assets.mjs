// Runs after `npm install`: copies the TF.js wasm binaries to public/ and converts the `mnist` package's JSON digits
// into a compact binary (public/data/mnist.bin) that the browser fetches and Node reads. No network is used.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function copyWasm() {
  const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const out = path.join(root, 'public', 'tfjs');
  mkdirSync(out, { recursive: true });
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    copyFileSync(path.join(dist, file), path.join(out, file));
  }
}

// Layout of mnist.bin (little endian): "FSMN" | u32 count | u32 rows | u32 cols | u8 labels[count] | u8 pixels[count*rows*cols]
const MNIST_MAGIC = 'FSMN';

function convertMnist() {
  const out = path.join(root, 'public', 'data', 'mnist.bin');
  if (existsSync(out)) return;
  const size = 28 * 28;
  const perDigit = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8'));
    if (data.length % size !== 0) throw new Error(`mnist digit ${digit}: ${data.length} values is not a multiple of 784`);
    perDigit.push(data);
  }
  const count = perDigit.reduce((n, d) => n + d.length / size, 0);
  const header = 16;
  const buf = Buffer.alloc(header + count + count * size);
  buf.write(MNIST_MAGIC, 0, 'ascii');
  buf.writeUInt32LE(count, 4);
  buf.writeUInt32LE(28, 8);
  buf.writeUInt32LE(28, 12);
  let i = 0;
  for (let digit = 0; digit < 10; digit++) {
    const data = perDigit[digit];
    for (let s = 0; s < data.length / size; s++, i++) {
      buf[header + i] = digit;
      const base = header + count + i * size;
      for (let p = 0; p < size; p++) buf[base + p] = Math.round(Math.min(1, Math.max(0, data[s * size + p])) * 255);
    }
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, buf);
  console.log(`prepare-assets: wrote ${count} MNIST digits to ${path.relative(root, out)} (${(buf.length / 1e6).toFixed(1)} MB)`);
}

copyWasm();
convertMnist();
