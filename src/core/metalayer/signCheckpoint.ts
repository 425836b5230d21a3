import type { Hex } from 'viem';
import { blsAggregate, blsSign } from './bls.js';
import { guardianEcdsaSign } from './ecdsaSign.js';
import { MetalayerFormatError } from './errors.js';
import { encodeSignerBitmap } from './signerBitmap.js';
import { checkpointSigningRoot, guardianSetUpdateSigningRoot } from './signingRoot.js';
import type { Checkpoint, GuardianEcdsaSignature, GuardianSetUpdate, SignedCheckpoint, SignedGuardianSetUpdate } from './types.js';

/** A guardian's secret keys, as the devnet producer holds them. */
export type GuardianSigner = {
  index: number;
  blsSecretKey: Hex;
  /** When present, the guardian also adds its EIP-191 signature (spec A3). */
  ecdsaSecretKey?: Hex;
};

type Signatures = { signers: Hex; signature: Hex; ecdsaSignatures?: GuardianEcdsaSignature[] };

/** Signs `signingRoot` by each signer: bitmap over `setSize`, BLS aggregate, ECDSA signatures by ascending index. */
export function signRoot(signingRoot: Hex, signers: readonly GuardianSigner[], setSize: number): Signatures {
  if (signers.length === 0) throw new MetalayerFormatError('signers', 'no signer');
  const sorted = [...signers].sort((a, b) => a.index - b.index);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.index === sorted[i - 1]!.index) throw new MetalayerFormatError('signers', `guardian ${sorted[i]!.index} twice`);
  const withEcdsa = sorted.filter((s) => s.ecdsaSecretKey !== undefined);
  return {
    signers: encodeSignerBitmap(
      sorted.map((s) => s.index),
      setSize,
    ),
    signature: blsAggregate(sorted.map((s) => blsSign(signingRoot, s.blsSecretKey))),
    ...(withEcdsa.length > 0
      ? { ecdsaSignatures: withEcdsa.map((s) => ({ index: s.index, signature: guardianEcdsaSign(signingRoot, s.ecdsaSecretKey!) })) }
      : {}),
  };
}

/** Producer side: a SignedCheckpoint from the guardians in `signers` of a set of `setSize`. */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly GuardianSigner[], setSize: number): SignedCheckpoint {
  return { checkpoint, ...signRoot(checkpointSigningRoot(checkpoint), signers, setSize) };
}

/** Producer side: a hand-over signed by guardians of the FROM set (of `fromSetSize`). */
export function signGuardianSetUpdate(
  update: GuardianSetUpdate,
  signers: readonly GuardianSigner[],
  fromSetSize: number,
): SignedGuardianSetUpdate {
  return { update, ...signRoot(guardianSetUpdateSigningRoot(update), signers, fromSetSize) };
}
