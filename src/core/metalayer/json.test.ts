import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { bytesToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  MetalayerFormatError,
  guardianSetFromJson,
  signedCheckpointFromJson,
  signedCheckpointToJson,
  signedGuardianSetUpdateFromJson,
  signedGuardianSetUpdateToJson,
} from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('./vectors/part-a.json', import.meta.url), 'utf8'));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('JSON codecs refuse malformed input with MetalayerFormatError', () => {
  const bad: [string, (x: ReturnType<typeof clone<typeof v.signedCheckpoint>>) => void][] = [
    ['decimal int', (x) => (x.checkpoint.epoch = '17')],
    ['number int', (x) => (x.checkpoint.epoch = 17)],
    ['uint32 overflow', (x) => (x.checkpoint.networkId = '0x100000000')],
    ['uint64 overflow', (x) => (x.checkpoint.epoch = '0x10000000000000000')],
    ['short root', (x) => (x.checkpoint.aggregateRoot = x.checkpoint.aggregateRoot.slice(0, -2))],
    ['odd hex', (x) => (x.signature = x.signature.slice(0, -1))],
    ['short signature', (x) => (x.signature = x.signature.slice(0, -2))],
    ['missing field', (x) => delete x.checkpoint.timestamp],
    ['empty signers', (x) => (x.signers = '0x')],
    ['ecdsa signature length', (x) => (x.ecdsaSignatures[0].signature += '00')],
    ['not an object', (x) => (x.checkpoint = [])],
  ];
  for (const [name, mutate] of bad) {
    it(name, () => {
      const x = clone(v.signedCheckpoint);
      mutate(x);
      expect(() => signedCheckpointFromJson(x)).toThrow(MetalayerFormatError);
    });
  }

  it('names the offending path', () => {
    const x = clone(v.signedCheckpoint);
    x.checkpoint.epoch = 'nope';
    expect(() => signedCheckpointFromJson(x)).toThrow(/signedCheckpoint\.checkpoint\.epoch/);
  });

  it('accepts addresses in any case and writes EIP-55', () => {
    const set = clone(v.guardianSet);
    set.guardians[0].ecdsa = set.guardians[0].ecdsa.toLowerCase();
    set.guardians[1].ecdsa = set.guardians[1].ecdsa.toUpperCase().replace('0X', '0x');
    const parsed = guardianSetFromJson(set);
    expect(parsed.guardians[0]!.ecdsa).toBe(v.guardianSet.guardians[0].ecdsa);
    expect(parsed.guardians[1]!.ecdsa).toBe(v.guardianSet.guardians[1].ecdsa);
  });

  it('refuses guardian sets out of index order, empty, or with bad keys', () => {
    const unordered = clone(v.guardianSet);
    unordered.guardians.reverse();
    expect(() => guardianSetFromJson(unordered)).toThrow(MetalayerFormatError);
    expect(() => guardianSetFromJson({ id: '0x0', guardians: [] })).toThrow(MetalayerFormatError);
    const badKey = clone(v.guardianSet);
    badKey.guardians[2].blsPubkey = '0x1234';
    expect(() => guardianSetFromJson(badKey)).toThrow(MetalayerFormatError);
  });

  it('round-trips a signed hand-over and checks toSetId', () => {
    const h = v.guardianSetUpdate;
    const json = { update: h.update, signers: h.signers, signature: h.signature };
    const parsed = signedGuardianSetUpdateFromJson(json);
    expect(signedGuardianSetUpdateFromJson(signedGuardianSetUpdateToJson(parsed))).toEqual(parsed);
    const wrong = clone(json);
    wrong.update.toSetId = '0x2';
    expect(() => signedGuardianSetUpdateFromJson(wrong)).toThrow(/toSetId/);
  });
});

describe('JSON round trip (property)', () => {
  const u = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });
  const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => bytesToHex(b));
  it('checkpoints and signed checkpoints survive toJson → JSON text → fromJson', () => {
    fc.assert(
      fc.property(
        u(32), u(64), u(64), u(64), bytes32, u(32), fc.uint8Array({ minLength: 1, maxLength: 128 }), fc.uint8Array({ minLength: 96, maxLength: 96 }),
        (networkId, epoch, timestamp, guardianSetId, aggregateRoot, rollupCount, signers, signature) => {
          const signed = {
            checkpoint: { networkId: Number(networkId), epoch, timestamp, guardianSetId, aggregateRoot, rollupCount: Number(rollupCount) },
            signers: bytesToHex(signers),
            signature: bytesToHex(signature),
          };
          const text = JSON.stringify(signedCheckpointToJson(signed));
          expect(signedCheckpointFromJson(JSON.parse(text))).toEqual(signed);
        },
      ),
      { numRuns: 100 },
    );
  });
});
