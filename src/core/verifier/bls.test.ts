import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { blsAggregate, blsSign, checkpointSigningRoot, type Checkpoint, type GuardianSet } from '../metalayer/index.js';
import { encodeG1 } from '../crypto/bls12381/index.js';
import { aggregatePublicKey, guardianPublicKeys, verifyBlsAggregate, verifyGuardianQuorum } from './bls.js';
import { VerificationError } from './errors.js';
import { makeGuardianSet } from './guardians.fixture.js';

const { set, signers } = makeGuardianSet(0n, 9, 'bls');
const cp: Checkpoint = { networkId: 1, epoch: 5n, timestamp: 6n, guardianSetId: 0n, aggregateRoot: `0x${'01'.repeat(32)}`, rollupCount: 1 };
const root = checkpointSigningRoot(cp);
const sigOf = (who: number[]) => blsAggregate(who.map((i) => blsSign(root, signers[i]!.blsSecretKey)));
const stepOf = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(VerificationError);
    return (e as VerificationError).step;
  }
};

describe('BLS aggregate verification', () => {
  it('decompresses each set once and sums keys the same way on both paths (add few / subtract non-signers)', () => {
    expect(guardianPublicKeys(set)).toBe(guardianPublicKeys(set));
    const keys = guardianPublicKeys(set);
    // The reference sum: @noble/curves adding the same compressed keys.
    const direct = (who: number[]) =>
      who.reduce((sum, i) => sum.add(bls12_381.G1.Point.fromHex(set.guardians[i]!.blsPubkey.slice(2))), bls12_381.G1.Point.ZERO);
    for (const who of [[0], [1, 4], [0, 1, 2, 3, 5, 6, 7, 8], [2, 3, 4, 5, 6, 7, 8]]) {
      expect(bytesToHex(encodeG1(aggregatePublicKey(set, who)))).toBe(bytesToHex(direct(who).toBytes(true)));
      expect(keys.length).toBe(set.guardians.length);
      expect(aggregatePublicKey(set, who)).toBe(aggregatePublicKey(set, who)); // cached
      verifyBlsAggregate(set, who, root, sigOf(who));
    }
  });

  it('refuses duplicate or out-of-set signer indices', () => {
    expect(stepOf(() => verifyBlsAggregate(set, [1, 1], root, sigOf([1, 1])))).toBe('checkpoint-signature');
    expect(stepOf(() => verifyBlsAggregate(set, [9], root, sigOf([1])))).toBe('checkpoint-signature');
    expect(stepOf(() => verifyBlsAggregate(set, [], root, sigOf([1])))).toBe('checkpoint-signature');
  });

  it('refuses signatures that are not G2 points, and the infinity signature', () => {
    const inf = bytesToHex(bls12_381.longSignatures.Signature.toBytes(bls12_381.G2.Point.ZERO));
    expect(stepOf(() => verifyBlsAggregate(set, [0], root, inf))).toBe('checkpoint-signature');
    expect(stepOf(() => verifyBlsAggregate(set, [0], root, `0x${'ff'.repeat(96)}`))).toBe('checkpoint-signature');
    expect(stepOf(() => verifyBlsAggregate(set, [0], root, `0x${'00'.repeat(96)}`))).toBe('checkpoint-signature');
  });

  it('refuses a set with an invalid or infinity key', () => {
    const withKey = (blsPubkey: Hex): GuardianSet => ({ id: 0n, guardians: set.guardians.map((g, i) => (i === 3 ? { ...g, blsPubkey } : g)) });
    const infinity = bytesToHex(bls12_381.G1.Point.ZERO.toBytes(true));
    expect(stepOf(() => guardianPublicKeys(withKey(infinity)))).toBe('guardian-set');
    expect(stepOf(() => guardianPublicKeys(withKey(`0x${'ab'.repeat(48)}`)))).toBe('guardian-set');
  });

  it('needs 2/3 of stake, counting the bitmap', () => {
    expect(verifyGuardianQuorum(set, '0x3f00', root, sigOf([0, 1, 2, 3, 4, 5])).signers).toHaveLength(6);
    expect(stepOf(() => verifyGuardianQuorum(set, '0x1f00', root, sigOf([0, 1, 2, 3, 4])))).toBe('stake-threshold');
  });
});
