// Checkpoint verification with 500 guardians: one BLS aggregate check (keys decompressed once per set,
// aggregate key summed from the bitmap, one pairing check) against the ECDSA baseline (recover each of
// ⌈2n/3⌉ EIP-191 signatures), both measured here on the same checkpoint.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes, keccak256, numberToHex, type Hex } from 'viem';
import {
  guardianEcdsaDigest,
  blsSign,
  checkpointSigningRoot,
  encodeSignerBitmap,
  guardianEcdsaSign,
  guardianSetHash,
  type Checkpoint,
  type SignedCheckpoint,
} from '../src/core/metalayer/index.js';
import { ecdsaThreshold, GuardianSetRegistry, verifySignedCheckpoint, verifySignedCheckpointEcdsa } from '../src/core/verifier/index.js';
import { makeGuardianSet } from '../src/core/verifier/guardians.fixture.js';
import { fmt, medians, time, type Sample } from './measure.js';

const GUARDIANS = 500;
const BLS_RUNS = 15;
const ECDSA_RUNS = 5;


export async function run(): Promise<void> {
  const { set, signers } = makeGuardianSet(0n, GUARDIANS, 'bench');
  const checkpoint: Checkpoint = {
    networkId: 4242,
    epoch: 1000n,
    timestamp: 1_767_225_600n,
    guardianSetId: 0n,
    aggregateRoot: `0x${'ab'.repeat(32)}`,
    rollupCount: 5,
  };
  const root = checkpointSigningRoot(checkpoint);
  // BLS is linear: Σ sk_i · H(m) equals the sum of the 500 signatures, so one signing stands in for 500.
  const order = bls12_381.fields.Fr.ORDER;
  const sumSecret = signers.reduce((sum, s) => (sum + BigInt(s.blsSecretKey)) % order, 0n);
  const signature = blsSign(root, numberToHex(sumSecret, { size: 32 }) as Hex);
  const ecdsaSignatures = signers.map((s) => ({ index: s.index, signature: guardianEcdsaSign(root, s.ecdsaSecretKey!) }));
  const signed: SignedCheckpoint = {
    checkpoint,
    signers: encodeSignerBitmap(
      signers.map((s) => s.index),
      GUARDIANS,
    ),
    signature,
    ecdsaSignatures,
  };
  const registry = new GuardianSetRegistry({ networkId: checkpoint.networkId, genesisHash: guardianSetHash(set) });

  // A fresh signer set per run (all but guardian i): no cached aggregate key helps.
  const fresh = Array.from({ length: BLS_RUNS }, (_, i) => {
    const secret = (sumSecret - BigInt(signers[i]!.blsSecretKey) + order) % order;
    return {
      ...signed,
      signers: encodeSignerBitmap(
        signers.filter((s) => s.index !== i).map((s) => s.index),
        GUARDIANS,
      ),
      signature: blsSign(root, numberToHex(secret, { size: 32 }) as Hex),
      ecdsaSignatures: undefined,
    };
  });

  const cold = time(() => registry.acceptGenesis(set)); // decompresses and subgroup-checks the 500 G1 keys once
  const first = time(() => verifySignedCheckpoint(signed, { registry }));
  const same: Sample[] = [];
  for (let i = 0; i < BLS_RUNS; i++) same.push(time(() => verifySignedCheckpoint(signed, { registry })));
  const changed = fresh.map((c) => time(() => verifySignedCheckpoint(c, { registry })));
  const ecdsa: Sample[] = [];
  for (let i = 0; i < ECDSA_RUNS; i++) {
    ecdsa.push(
      time(() => {
        const v = verifySignedCheckpointEcdsa(signed, { registry });
        if (v.signers.length !== ecdsaThreshold(GUARDIANS)) throw new Error('ECDSA path checked the wrong number of signatures');
      }),
    );
  }
  // The same threshold of recoveries with @noble/curves' secp256k1 (the verifier has its own, smaller
  // recovery): the baseline is whichever ECDSA path is faster, so our recovery cannot flatter the ratio.
  const digest = hexToBytes(guardianEcdsaDigest(root));
  const needed = ecdsaSignatures.slice(0, ecdsaThreshold(GUARDIANS));
  const nobleEcdsa: Sample[] = [];
  for (let i = 0; i < ECDSA_RUNS; i++) {
    nobleEcdsa.push(
      time(() => {
        for (const { signature: sig } of needed) {
          const bytes = hexToBytes(sig);
          const point = secp256k1.Signature.fromBytes(bytes.subarray(0, 64), 'compact').addRecoveryBit(bytes[64]! - 27).recoverPublicKey(digest);
          keccak256(point.toBytes(false).subarray(1));
        }
      }),
    );
  }
  const blsSame = medians(same);
  const blsFresh = medians(changed);
  const ours = medians(ecdsa);
  const reference = medians(nobleEcdsa);
  const base = ours.wall <= reference.wall ? ours : reference;
  const worst = Math.max(blsSame.wall, blsFresh.wall);
  const ratio = base.wall / worst;
  console.log(`guardians: ${GUARDIANS}; BLS signers: ${GUARDIANS} (or ${GUARDIANS - 1}); ECDSA threshold ⌈2n/3⌉ = ${ecdsaThreshold(GUARDIANS)}`);
  console.log(`set accepted, 500 G1 keys decompressed once: ${fmt(cold)}; first checkpoint: ${fmt(first)}`);
  console.log(`BLS aggregate, same signers as before: median ${fmt(blsSame)} over ${BLS_RUNS} runs`);
  console.log(`BLS aggregate, new signer set each run: median ${fmt(blsFresh)} over ${BLS_RUNS} runs`);
  console.log(`ECDSA threshold, verifier's recovery:  median ${fmt(ours)} over ${ECDSA_RUNS} runs`);
  console.log(`ECDSA threshold, @noble/curves recovery (recover + address only): median ${fmt(reference)} over ${ECDSA_RUNS} runs`);
  console.log(`baseline = the faster ECDSA path: ${base === ours ? 'verifier' : '@noble/curves'}`);
  console.log(`BLS < 50 ms: ${worst < 50 ? 'met' : 'MISSED'} (wall ${worst.toFixed(2)} ms, cpu ${Math.max(blsSame.cpu, blsFresh.cpu).toFixed(2)} ms)`);
  console.log(`ratio ECDSA/BLS (slower BLS case, wall): ${ratio.toFixed(1)}x; cpu ${(base.cpu / Math.max(blsSame.cpu, blsFresh.cpu)).toFixed(1)}x (target >= 10x: ${ratio >= 10 ? 'met' : 'MISSED'})`);
}
