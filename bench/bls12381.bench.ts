// Our verify-only BLS12-381 (src/core/crypto/bls12381) against @noble/curves' bls12_381, measured in the
// same run on the same inputs: point decoding (with subgroup checks), hash-to-G2, the pairing check, and
// the product's checkpoint shape (500 decoded keys aggregated, then hash + verify). Also its bundle size.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeG1,
  decodeG2,
  G1_ZERO,
  g1Add,
  type G1Point,
  hashToG2,
  verifySignature,
} from '../src/core/crypto/bls12381/index.js';
import { bundle, fmt, median, medians, time, type Sample } from './measure.js';

const ENTRY = 'src/core/crypto/bls12381/index.ts';
const TARGET_BYTES = 20 * 1024; // 1 kB = 1024 bytes, as in verifier.bench.ts
const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const KEYS = 40; // distinct inputs per decode measurement
const RUNS = 15; // runs per hash / verify measurement
const GUARDIANS = 500;

const bls = bls12_381.longSignatures;

/** Runs ours and noble's alternately on each input (so load hits both alike) and prints medians and the ratio. */
function compare<T>(name: string, inputs: T[], ours: (x: T) => unknown, noble: (x: T) => unknown): { ours: Sample; noble: Sample } {
  for (const x of inputs.slice(0, 3)) {
    ours(x);
    noble(x);
  }
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (const x of inputs) {
    a.push(time(() => ours(x)));
    b.push(time(() => noble(x)));
  }
  const m = { ours: medians(a), noble: medians(b) };
  console.log(
    `${name.padEnd(26)} ours ${fmt(m.ours).padEnd(26)} noble ${fmt(m.noble).padEnd(26)} noble/ours ${(m.noble.wall / m.ours.wall).toFixed(2)}x wall, ${(m.noble.cpu / Math.max(m.ours.cpu, 1e-9)).toFixed(2)}x cpu`,
  );
  return m;
}

const be32 = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));
const randomMessage = () => crypto.getRandomValues(new Uint8Array(32));

export async function run(): Promise<void> {
  const order = bls12_381.fields.Fr.ORDER;
  const secrets = Array.from({ length: Math.max(KEYS, RUNS) }, (_, i) => (BigInt(i + 1) * 0x9e3779b97f4a7c15f39cc0605cedc834n) % order);
  const keyBytes = secrets.map((sk) => bls.getPublicKey(be32(sk)).toBytes());
  const cases = secrets.slice(0, RUNS).map((sk, i) => {
    const msg = randomMessage();
    const sig = bls.sign(bls.hash(msg, DST), be32(sk)).toBytes();
    return { msg, sig, pkBytes: keyBytes[i]! };
  });

  console.log(`BLS12-381, ours (src/core/crypto/bls12381) vs @noble/curves bls12_381.longSignatures; medians`);
  compare('decodeG1 (+subgroup)', keyBytes.slice(0, KEYS), decodeG1, (b) => bls12_381.G1.Point.fromBytes(b).assertValidity());
  compare('decodeG2 (+subgroup)', cases.map((c) => c.sig), decodeG2, (b) => bls.Signature.fromBytes(b).assertValidity());
  const hash = compare('hashToG2', cases.map((c) => c.msg), (m) => hashToG2(m, DST), (m) => bls.hash(m, DST));

  const decoded = cases.map((c) => ({
    ours: { pk: decodeG1(c.pkBytes), H: hashToG2(c.msg, DST), sig: decodeG2(c.sig) },
    noble: { pk: bls12_381.G1.Point.fromBytes(c.pkBytes), H: bls.hash(c.msg, DST), sig: bls.Signature.fromBytes(c.sig) },
  }));
  const verify = compare(
    'verifySignature',
    decoded,
    ({ ours: o }) => {
      if (!verifySignature(o.pk, o.H, o.sig)) throw new Error('ours rejected a valid signature');
    },
    ({ noble: n }) => {
      if (!bls.verify(n.sig, n.H, n.pk)) throw new Error('noble rejected a valid signature');
    },
  );
  const both = compare(
    'hash + verify',
    cases.map((c, i) => ({ ...c, d: decoded[i]! })),
    (c) => verifySignature(c.d.ours.pk, hashToG2(c.msg, DST), c.d.ours.sig),
    (c) => bls.verify(c.d.noble.sig, bls.hash(c.msg, DST), c.d.noble.pk),
  );
  const sum = (m: Sample, n: Sample) => m.wall + n.wall;
  console.log(
    `hash + verify (sum of the medians above): ours ${sum(hash.ours, verify.ours).toFixed(2)} ms, noble ${sum(hash.noble, verify.noble).toFixed(2)} ms; ` +
      `target ours <= noble: ${both.ours.wall <= both.noble.wall ? 'met' : 'MISSED'} (${(both.noble.wall / both.ours.wall).toFixed(2)}x)`,
  );

  // The checkpoint: keys decoded once per set, then per checkpoint a fresh aggregate (all but one signer), hash, verify.
  const guardianSecrets = Array.from({ length: GUARDIANS }, (_, i) => (BigInt(i + 7) * 0x5851f42d4c957f2d14057b7ef767814fn) % order);
  const guardianKeys = guardianSecrets.map((sk) => bls.getPublicKey(be32(sk)).toBytes());
  const setDecode = time(() => guardianKeys.forEach((k) => decodeG1(k)));
  const oursKeys = guardianKeys.map((k) => decodeG1(k));
  const nobleKeys = guardianKeys.map((k) => bls12_381.G1.Point.fromBytes(k));
  const sumSecret = guardianSecrets.reduce((s, k) => (s + k) % order, 0n);
  const checkpoints = Array.from({ length: RUNS }, (_, skip) => {
    const msg = randomMessage();
    const secret = (sumSecret - guardianSecrets[skip]! + order) % order;
    return { msg, skip, sig: bls.sign(bls.hash(msg, DST), be32(secret)).toBytes() };
  });
  const checkpoint = compare(
    `checkpoint (${GUARDIANS} keys)`,
    checkpoints,
    (c) => {
      let agg: G1Point = G1_ZERO;
      for (let i = 0; i < GUARDIANS; i++) if (i !== c.skip) agg = g1Add(agg, oursKeys[i]!);
      if (!verifySignature(agg, hashToG2(c.msg, DST), decodeG2(c.sig))) throw new Error('ours rejected the checkpoint');
    },
    (c) => {
      let agg = bls12_381.G1.Point.ZERO;
      for (let i = 0; i < GUARDIANS; i++) if (i !== c.skip) agg = agg.add(nobleKeys[i]!);
      const sig = bls.Signature.fromBytes(c.sig);
      sig.assertValidity();
      if (!bls.verify(sig, bls.hash(c.msg, DST), agg)) throw new Error('noble rejected the checkpoint');
    },
  );
  console.log(`decoding the ${GUARDIANS} keys of a set once: ${fmt(setDecode)}`);
  console.log(`checkpoint < 50 ms (aggregate ${GUARDIANS - 1} keys + decodeG2 + hash + verify): ${checkpoint.ours.wall < 50 ? 'met' : 'MISSED'} (${checkpoint.ours.wall.toFixed(2)} ms)`);

  const { code, gzip, metafile } = await bundle(ENTRY);
  const inputs = Object.entries(Object.values(metafile.outputs)[0]!.inputs);
  const hashes = inputs.filter(([p]) => p.includes('node_modules/@noble/hashes')).reduce((n, [, i]) => n + i.bytesInOutput, 0);
  console.log(
    `bundle (${ENTRY}, esbuild bundle+minify, ESM): ${code.byteLength} B = ${(code.byteLength / 1024).toFixed(1)} kB ` +
      `(of which @noble/hashes sha256 ${hashes} B), gzip ${gzip} B; ` +
      `target <= 20 kB: ${code.byteLength <= TARGET_BYTES ? 'met' : 'MISSED'}`,
  );

  // Module load: a fresh node first imports an empty module (the ESM loader's own start-up), then times the
  // import of the minified bundle (parse + top-level constants) and, as baseline, of another empty module.
  const dir = mkdtempSync(join(tmpdir(), 'bls12381-bench-'));
  try {
    const file = join(dir, 'bls12381.mjs');
    writeFileSync(file, code);
    writeFileSync(join(dir, 'warm.mjs'), 'export {};');
    writeFileSync(join(dir, 'empty.mjs'), 'export {};');
    const loadTime = (target: string) => {
      const probe = `await import(${JSON.stringify(join(dir, 'warm.mjs'))}); const t = performance.now(); await import(${JSON.stringify(target)}); console.log(performance.now() - t);`;
      return median(Array.from({ length: 7 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }))));
    };
    const load = loadTime(file);
    const empty = loadTime(join(dir, 'empty.mjs'));
    console.log(`module load (fresh node, loader warmed): bundle ${load.toFixed(2)} ms, an empty module ${empty.toFixed(2)} ms (medians of 7); target < 5 ms: ${load < 5 ? 'met' : 'MISSED'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
