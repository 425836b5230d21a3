import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  checkpointFromJson,
  encodeSignerBitmap,
  guardianSetFromJson,
  guardianSetHash,
  signCheckpoint,
  signedCheckpointFromJson,
  type Checkpoint,
  type GuardianSigner,
  type SignedCheckpoint,
} from '../metalayer/index.js';
import { verifyBlsAggregate } from './bls.js';
import { ecdsaThreshold, verifySignedCheckpoint, verifySignedCheckpointEcdsa } from './checkpoint.js';
import { VerificationError } from './errors.js';
import { GuardianSetRegistry } from './guardianSetRegistry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('../metalayer/vectors/part-a.json', import.meta.url), 'utf8'));
const genesis = guardianSetFromJson(v.guardianSet);
const signed = signedCheckpointFromJson(v.signedCheckpoint);
const keys: GuardianSigner[] = v.guardianSet.guardians.map((g: Record<string, Hex>, index: number) => ({
  index,
  blsSecretKey: g.blsSecretKey,
  ecdsaSecretKey: g.ecdsaSecretKey,
}));
const registry = () => {
  const r = new GuardianSetRegistry({ networkId: signed.checkpoint.networkId, genesisHash: v.guardianSetHash });
  r.acceptGenesis(genesis);
  return r;
};

const flipByte = (hex: Hex, at: number, xor: number): Hex => {
  const i = 2 + 2 * (at % ((hex.length - 2) / 2));
  const b = (parseInt(hex.slice(i, i + 2), 16) ^ xor).toString(16).padStart(2, '0');
  return `${hex.slice(0, i)}${b}${hex.slice(i + 2)}` as Hex;
};
const stepOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(VerificationError);
    return (e as VerificationError).step;
  }
};

describe('verifySignedCheckpoint (BLS path)', () => {
  it('accepts the vector checkpoint (3 of 4 guardians, 9000 of 10000 stake)', () => {
    const verified = verifySignedCheckpoint(signed, { registry: registry() });
    expect(verified.signers).toEqual([1, 2, 3]);
    expect(verified.signingRoot).toBe(v.signingRoot);
    expect(verified.guardianSetHash).toBe(v.guardianSetHash);
    expect(verified.signedStake * 10n).toBe(verified.totalStake * 9n);
  });

  it('refuses rollback below minEpoch but accepts the same epoch', () => {
    expect(verifySignedCheckpoint(signed, { registry: registry(), minEpoch: 0x11n }).checkpoint.epoch).toBe(0x11n);
    expect(stepOf(() => verifySignedCheckpoint(signed, { registry: registry(), minEpoch: 0x12n }))).toBe('rollback');
  });

  it('refuses unknown sets, other networks and a registry without genesis', () => {
    const other = signCheckpoint({ ...signed.checkpoint, guardianSetId: 1n }, keys, 4);
    expect(stepOf(() => verifySignedCheckpoint(other, { registry: registry() }))).toBe('guardian-set');
    const net = signCheckpoint({ ...signed.checkpoint, networkId: 1 }, keys, 4);
    expect(stepOf(() => verifySignedCheckpoint(net, { registry: registry() }))).toBe('network');
    const empty = new GuardianSetRegistry({ networkId: signed.checkpoint.networkId, genesisHash: v.guardianSetHash });
    expect(stepOf(() => verifySignedCheckpoint(signed, { registry: empty }))).toBe('guardian-set');
  });

  it('refuses under-threshold stake even with 3 of 4 guardians (6000 of 10000)', () => {
    const under = signCheckpoint(signed.checkpoint, keys.slice(0, 3), 4);
    expect(stepOf(() => verifySignedCheckpoint(under, { registry: registry() }))).toBe('stake-threshold');
    // 2 guardians holding 7000 of 10000 pass: the rule is stake, not head count.
    const byStake = signCheckpoint(signed.checkpoint, keys.slice(2), 4);
    expect(verifySignedCheckpoint(byStake, { registry: registry() }).signers).toEqual([2, 3]);
  });

  it('refuses bitmaps of the wrong length, with padding bits, or empty', () => {
    for (const signers of ['0x0e00', '0x', '0x1e', '0x00'] as Hex[])
      expect(stepOf(() => verifySignedCheckpoint({ ...signed, signers }, { registry: registry() }))).toBe('signer-bitmap');
  });

  it('refuses a bitmap claiming a guardian who did not sign', () => {
    expect(stepOf(() => verifySignedCheckpoint({ ...signed, signers: '0x0f' }, { registry: registry() }))).toBe('checkpoint-signature');
    expect(stepOf(() => verifySignedCheckpoint({ ...signed, signers: '0x0c' }, { registry: registry() }))).toBe('checkpoint-signature');
  });

  it('property: flipping any byte of the signature or bitmap makes verification fail', () => {
    fc.assert(
      fc.property(fc.nat(95), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        expect(stepOf(() => verifySignedCheckpoint({ ...signed, signature: flipByte(signed.signature, at, xor) }, { registry: registry() }))).toBeDefined();
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 255 }), (xor) => {
        expect(stepOf(() => verifySignedCheckpoint({ ...signed, signers: flipByte(signed.signers, 0, xor) }, { registry: registry() }))).toBeDefined();
      }),
      { numRuns: 40 },
    );
  });

  it('property: changing any checkpoint field makes verification fail', () => {
    const fields = ['networkId', 'epoch', 'timestamp', 'guardianSetId', 'aggregateRoot', 'rollupCount'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(31), fc.integer({ min: 1, max: 255 }), (field, at, xor) => {
        const cp: Checkpoint = { ...signed.checkpoint };
        if (field === 'aggregateRoot') cp.aggregateRoot = flipByte(cp.aggregateRoot, at, xor);
        else if (field === 'networkId' || field === 'rollupCount') cp[field] = (cp[field] ^ (xor << (8 * (at % 4)))) >>> 0;
        else cp[field] = cp[field] ^ (BigInt(xor) << BigInt(8 * (at % 8)));
        expect(stepOf(() => verifySignedCheckpoint({ ...signed, checkpoint: cp }, { registry: registry() }))).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });

  it('property: changing any byte of a guardian key breaks the pinned hash and the aggregate', () => {
    fc.assert(
      fc.property(fc.nat(3), fc.nat(47), fc.integer({ min: 1, max: 255 }), (g, at, xor) => {
        const guardians = genesis.guardians.map((x) => ({ ...x }));
        guardians[g]!.blsPubkey = flipByte(guardians[g]!.blsPubkey, at, xor);
        const tampered = { id: genesis.id, guardians };
        expect(guardianSetHash(tampered)).not.toBe(v.guardianSetHash);
        expect(stepOf(() => registry().acceptGenesis(tampered))).toBe('guardian-set');
        // Even if a set were trusted without its hash, the aggregate would not verify (or the key would not decode).
        if (g === 0) return; // guardian 0 did not sign the vector
        expect(stepOf(() => verifyBlsAggregate(tampered, [1, 2, 3], v.signingRoot, signed.signature))).toBeDefined();
      }),
      { numRuns: 30 },
    );
  });
});

describe('verifySignedCheckpointEcdsa (fallback path)', () => {
  it('accepts ⌈2n/3⌉ valid EIP-191 signatures', () => {
    expect(ecdsaThreshold(4)).toBe(3);
    expect(ecdsaThreshold(500)).toBe(334);
    const verified = verifySignedCheckpointEcdsa(signed, { registry: registry() });
    expect(verified.via).toBe('ecdsa');
    expect(verified.signers).toEqual([1, 2, 3]);
  });

  it('refuses too few, repeated, misattributed or tampered signatures', () => {
    const sigs = signed.ecdsaSignatures!;
    const cases: SignedCheckpoint[] = [
      { ...signed, ecdsaSignatures: sigs.slice(0, 2) },
      { ...signed, ecdsaSignatures: [sigs[0]!, sigs[0]!, sigs[1]!] },
      { ...signed, ecdsaSignatures: [{ ...sigs[0]!, index: 0 }, sigs[1]!, sigs[2]!] },
      { ...signed, ecdsaSignatures: [{ ...sigs[0]!, signature: flipByte(sigs[0]!.signature, 10, 1) }, sigs[1]!, sigs[2]!] },
      { ...signed, checkpoint: { ...signed.checkpoint, timestamp: 1n } },
    ];
    for (const c of cases) expect(stepOf(() => verifySignedCheckpointEcdsa(c, { registry: registry() }))).toMatch(/stake-threshold|checkpoint-signature/);
  });

  it('fails closed when ⌈2n/3⌉ guardians hold less than 2/3 of the stake', () => {
    const low = signCheckpoint(signed.checkpoint, keys.slice(0, 3), 4);
    expect(stepOf(() => verifySignedCheckpointEcdsa(low, { registry: registry() }))).toBe('stake-threshold');
  });
});

it('the vector checkpoint JSON and the TS object agree', () => {
  expect(checkpointFromJson(v.checkpoint)).toEqual(signed.checkpoint);
  expect(encodeSignerBitmap([1, 2, 3], 4)).toBe(signed.signers);
});
