import { defineMessage } from './defineMessage';
import { readEmpty } from './validation';

/** A refresh step that failed; never accepted. `step` is the verifier's (e.g. 'rollback', 'checkpoint-signature'). */
export type VerificationFailureView = {
  stage: 'api' | 'guardian-sets' | 'checkpoint' | 'inclusion';
  step?: string;
  /** The typed error's class name, e.g. 'RollbackError', 'EquivocationError'. */
  name: string;
  message: string;
  chainId?: number;
  /** ms since epoch. */
  at: number;
};

/** Guardians that signed two checkpoints of one epoch (spec A5): both refused, evidence kept in IndexedDB. */
export type EquivocationView = {
  epoch: string;
  guardianSetId: string;
  offenders: number[];
  /** How many offenders have ECDSA signatures over both roots (slashable on L1). */
  reports: number;
  foundAt: number;
};

/** One chain's head in the latest accepted checkpoint, inclusion-verified (or why not). */
export type RollupHeadView = { chainId: number; blockNumber: string | null; included: boolean; error?: VerificationFailureView };

/** Decimal strings for uint64 fields; null before the first accepted checkpoint. */
export type VerificationStatus = {
  networkId: number;
  guardianSetId: string | null;
  finalizedEpoch: string | null;
  /** Unix seconds of the accepted checkpoint (null when none, or when it was equivocated). */
  checkpointTimestamp: number | null;
  /** ms since epoch of the last refresh attempt. */
  checkedAt: number | null;
  rollups: RollupHeadView[];
  lastError?: VerificationFailureView;
  equivocation?: EquivocationView[];
};

export const verificationStatus = defineMessage<Record<string, never>, VerificationStatus>()({
  type: 'verification/status',
  validate: readEmpty,
});
