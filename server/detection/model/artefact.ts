/**
 * @module The trained directive model as a versioned artefact: hashed weights (sparse, base64),
 * the decision threshold, the hash of the data it was trained on and the figures it was trained to.
 */
import { HASH_BITS } from './features';

export interface ModelArtefact {
  version: number;
  trainedOn: string;
  /** sha256 of the training documents' texts and labels, in order. */
  dataHash: string;
  hashBits: number;
  threshold: number;
  options: Record<string, number>;
  counts: { documents: number; sentences: number; positives: number };
  /** Development-split figures at the chosen threshold, for the record. */
  figures: Record<string, number>;
  /** Sparse weights: Int32 indices and Float32 values, little-endian, base64. */
  indices: string;
  values: string;
}

export function packWeights(weights: Float32Array, minimum: number): { indices: string; values: string; kept: number } {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    if (Math.abs(weights[i]!) >= minimum) {
      idx.push(i);
      val.push(weights[i]!);
    }
  }
  return {
    indices: Buffer.from(new Int32Array(idx).buffer).toString('base64'),
    values: Buffer.from(new Float32Array(val).buffer).toString('base64'),
    kept: idx.length,
  };
}

export function unpackWeights(artefact: Pick<ModelArtefact, 'indices' | 'values' | 'hashBits'>): Float32Array {
  if (artefact.hashBits !== HASH_BITS) throw new Error(`directive model: hashed for ${artefact.hashBits} bits, features use ${HASH_BITS}`);
  const ib = Buffer.from(artefact.indices, 'base64');
  const vb = Buffer.from(artefact.values, 'base64');
  const idx = new Int32Array(ib.buffer.slice(ib.byteOffset, ib.byteOffset + ib.byteLength));
  const val = new Float32Array(vb.buffer.slice(vb.byteOffset, vb.byteOffset + vb.byteLength));
  const w = new Float32Array(1 << artefact.hashBits);
  for (let i = 0; i < idx.length; i++) w[idx[i]!] = val[i]!;
  return w;
}
