import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Hex } from 'viem';
import type { RollupInclusionJson, SignedCheckpointJson } from '../core/metalayer';
import type { CheckpointHistoryJson, GuardianSetRegistryJson, VerificationStep } from '../core/verifier';

/** A refresh step that failed, with the verifier's typed error name and step. */
export type VerificationFailure = {
  /** Where in the refresh it failed: the API, the guardian-set walk, the checkpoint or one rollup's inclusion. */
  stage: 'api' | 'guardian-sets' | 'checkpoint' | 'inclusion';
  /** The verifier's step when the error is a VerificationError ('rollback', 'checkpoint-signature', …). */
  step?: VerificationStep;
  name: string;
  message: string;
  chainId?: number;
  at: number;
};

/** What the wallet accepted for one Metalayer network; everything in it was verified before it was stored. */
export type StoredVerification = {
  networkId: number;
  genesisHash: Hex;
  registry: GuardianSetRegistryJson;
  /** The latest accepted checkpoint; null until one verified, or after its epoch turned out equivocated. */
  finalized: SignedCheckpointJson | null;
  /** Floor for every later checkpoint (decimal); survives an equivocated `finalized` being dropped. */
  finalizedEpoch: string | null;
  /** Verified inclusions of each chain's head in `finalized`, by chainId. */
  inclusions: Record<string, RollupInclusionJson>;
  history: CheckpointHistoryJson;
  lastError?: VerificationFailure;
  /** Per chain: the last inclusion failure for the current checkpoint. */
  inclusionErrors: Record<string, VerificationFailure>;
  checkedAt: number | null;
};

/** Two conflicting signed checkpoints (spec A5), kept for reporting on L1. */
export type StoredEquivocation = {
  key: string;
  networkId: number;
  epoch: string;
  guardianSetId: string;
  a: SignedCheckpointJson;
  b: SignedCheckpointJson;
  offenders: number[];
  reports: { guardian: Hex; index: number; sigA: Hex; sigB: Hex }[];
  foundAt: number;
};

interface VerificationSchema extends DBSchema {
  networks: { key: number; value: StoredVerification };
  equivocations: { key: string; value: StoredEquivocation };
}

export type VerificationStore = {
  get(networkId: number): Promise<StoredVerification | undefined>;
  put(state: StoredVerification): Promise<void>;
  addEquivocation(e: StoredEquivocation): Promise<void>;
  equivocations(networkId: number): Promise<StoredEquivocation[]>;
  close(): void;
};

/** Its own IndexedDB database (next to the wallet's), so the wallet schema needs no version bump. */
export async function openVerificationStore(name: string): Promise<VerificationStore> {
  const db: IDBPDatabase<VerificationSchema> = await openDB<VerificationSchema>(name, 1, {
    upgrade(d) {
      d.createObjectStore('networks', { keyPath: 'networkId' });
      d.createObjectStore('equivocations', { keyPath: 'key' });
    },
  });
  return {
    get: (networkId) => db.get('networks', networkId),
    put: async (state) => void (await db.put('networks', state)),
    addEquivocation: async (e) => void (await db.put('equivocations', e)),
    equivocations: async (networkId) => (await db.getAll('equivocations')).filter((e) => e.networkId === networkId),
    close: () => db.close(),
  };
}
