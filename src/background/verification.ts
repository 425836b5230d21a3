import type { Address, Hex } from 'viem';
import devnetJson from '../core/chains/devnet.json';
import {
  guardianSetFromJson,
  rollupInclusionFromJson,
  rollupInclusionToJson,
  signedCheckpointFromJson,
  signedCheckpointToJson,
  signedGuardianSetUpdateFromJson,
  type RollupInclusion,
  type SignedGuardianSetUpdate,
} from '../core/metalayer';
import { jsonRpcFetch } from '../core/rpc';
import {
  CheckpointHistory,
  EquivocationError,
  GuardianSetRegistry,
  VerificationError,
  proveTokenBalances,
  verifyRollupInclusion,
  verifySignedCheckpoint,
  type CheckpointContext,
  type EquivocationEvidence,
  type ProvenValue,
  type TokenRef,
  type VerifiedCheckpoint,
} from '../core/verifier';
import type { VerificationStatus } from '../messages/verificationStatus';
import type { SettingsStore } from './settings';
import type { StoredEquivocation, StoredVerification, VerificationFailure, VerificationStore } from './verificationStore';

/** The one thing the wallet trusts per Metalayer network: its id and pinned genesis guardian-set hash. */
export type PinnedNetwork = { networkId: number; genesisHash: Hex };

/** The devnet network the extension ships (src/core/chains/devnet.json), never what an API says. */
export const SHIPPED_NETWORK: PinnedNetwork = {
  networkId: devnetJson.networkId,
  genesisHash: devnetJson.genesisGuardianSetHash as Hex,
};

/** The Metalayer API answered with an HTTP error or not at all. */
export class MetalayerApiError extends Error {
  override name = 'MetalayerApiError';
  readonly details: string;
  constructor(
    readonly path: string,
    details: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(`Metalayer API ${path} failed.`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = details;
  }
}

/** A ProvenValue as it crosses the message boundary / IndexedDB (bigints as decimal strings). */
export type ProvenValueJson = {
  status: ProvenValue<bigint>['status'];
  value?: string;
  rpcValue?: string;
  failedStep?: string;
  error?: { name: string; message: string };
  blockNumber?: string;
  epoch?: string;
};

export function provenValueToJson(v: ProvenValue<bigint>): ProvenValueJson {
  return {
    status: v.status,
    ...(v.value !== undefined ? { value: v.value.toString() } : {}),
    ...(v.rpcValue !== undefined ? { rpcValue: v.rpcValue.toString() } : {}),
    ...(v.failedStep ? { failedStep: v.failedStep } : {}),
    ...(v.error ? { error: { name: v.error.name, message: v.error.message } } : {}),
    ...(v.blockNumber !== undefined ? { blockNumber: v.blockNumber.toString() } : {}),
    ...(v.epoch !== undefined ? { epoch: v.epoch.toString() } : {}),
  };
}

export type ProveBalancesParameters = {
  chain: { chainId: number; framework: string; rpcUrl: string | undefined };
  holder: Address;
  tokens: readonly TokenRef[];
};
export type ProveBalancesReturnType = { epoch: bigint | null; native: ProvenValue<bigint>; tokens: ProvenValue<bigint>[] };

export type VerificationServiceDeps = {
  store: VerificationStore;
  settings: SettingsStore;
  fetch: typeof fetch;
  now(): number;
  changed(): void;
  /** Chains whose heads to fetch with each checkpoint (the wallet's devnet chains). */
  chainIds(): Promise<number[]>;
  pinned?: PinnedNetwork;
  /** A refresh older than this is redone before proving (default 5 s). */
  maxAgeMs?: number;
};

type Memory = {
  registry: GuardianSetRegistry;
  history: CheckpointHistory;
  finalized: VerifiedCheckpoint | null;
  finalizedEpoch: bigint | null;
  inclusions: Map<number, RollupInclusion>;
  inclusionErrors: Map<number, VerificationFailure>;
  lastError: VerificationFailure | undefined;
  checkedAt: number | null;
};

const HISTORY_ENTRIES = 256;

function readUpdates(json: unknown): SignedGuardianSetUpdate[] {
  if (!Array.isArray(json)) throw new MetalayerApiError('/v1/guardian-set-updates', 'not an array');
  return json.slice(0, 1024).map((u, i) => signedGuardianSetUpdateFromJson(u, `updates[${i}]`));
}

export type VerificationService = ReturnType<typeof createVerificationService>;

/**
 * The wallet's view of the Metalayer: accepted guardian sets, the latest verified checkpoint and its
 * rollup heads, kept in IndexedDB so a restarted worker never accepts an older epoch. The API is
 * untrusted: everything it returns is verified from the pinned genesis, failures are recorded, not used.
 */
export function createVerificationService(deps: VerificationServiceDeps) {
  const pinned = deps.pinned ?? SHIPPED_NETWORK;
  const maxAgeMs = deps.maxAgeMs ?? 5_000;
  let memory: Memory | null = null;
  let loading: Promise<Memory> | null = null;
  let inflight: Promise<void> | null = null;

  const failure = (stage: VerificationFailure['stage'], error: unknown, chainId?: number): VerificationFailure => {
    const e = error instanceof Error ? error : new Error(String(error));
    const details = e instanceof MetalayerApiError ? ` ${e.details}` : '';
    return {
      stage,
      ...(e instanceof VerificationError ? { step: e.step } : {}),
      name: e.name,
      message: (e.message + details).slice(0, 500),
      ...(chainId !== undefined ? { chainId } : {}),
      at: deps.now(),
    };
  };

  const load = () =>
    (loading ??= (async (): Promise<Memory> => {
      const stored = await deps.store.get(pinned.networkId);
      const fresh: Memory = {
        registry: new GuardianSetRegistry({ networkId: pinned.networkId, genesisHash: pinned.genesisHash }),
        history: new CheckpointHistory({ maxEntries: HISTORY_ENTRIES }),
        finalized: null,
        finalizedEpoch: null,
        inclusions: new Map(),
        inclusionErrors: new Map(),
        lastError: undefined,
        checkedAt: null,
      };
      if (!stored || stored.genesisHash.toLowerCase() !== pinned.genesisHash.toLowerCase()) return (memory = fresh);
      try {
        // Re-verified on load: a tampered or stale-format record is dropped, but its epoch floor is kept.
        const registry = GuardianSetRegistry.fromJSON(stored.registry);
        const history = CheckpointHistory.fromJSON(stored.history, { maxEntries: HISTORY_ENTRIES });
        const finalized = stored.finalized ? verifySignedCheckpoint(signedCheckpointFromJson(stored.finalized), { registry }) : null;
        const inclusions = new Map<number, RollupInclusion>();
        for (const [id, inc] of Object.entries(stored.inclusions)) {
          const r = rollupInclusionFromJson(inc);
          if (finalized) verifyRollupInclusion(r.head, r.proof, finalized.checkpoint.aggregateRoot, { rollupCount: finalized.checkpoint.rollupCount });
          inclusions.set(Number(id), r);
        }
        memory = {
          registry,
          history,
          finalized,
          finalizedEpoch: stored.finalizedEpoch === null ? null : BigInt(stored.finalizedEpoch),
          inclusions,
          inclusionErrors: new Map(Object.entries(stored.inclusionErrors ?? {}).map(([k, v]) => [Number(k), v])),
          lastError: stored.lastError,
          checkedAt: stored.checkedAt,
        };
      } catch (error) {
        memory = { ...fresh, finalizedEpoch: stored.finalizedEpoch === null ? null : BigInt(stored.finalizedEpoch), lastError: failure('checkpoint', error) };
      }
      return memory;
    })());

  const persist = async (m: Memory) => {
    const state: StoredVerification = {
      networkId: pinned.networkId,
      genesisHash: pinned.genesisHash,
      registry: m.registry.toJSON(),
      finalized: m.finalized ? signedCheckpointToJson(m.finalized.signed) : null,
      finalizedEpoch: m.finalizedEpoch === null ? null : m.finalizedEpoch.toString(),
      inclusions: Object.fromEntries([...m.inclusions].map(([id, r]) => [String(id), rollupInclusionToJson(r)])),
      inclusionErrors: Object.fromEntries([...m.inclusionErrors].map(([id, f]) => [String(id), f])),
      history: m.history.toJSON(),
      ...(m.lastError ? { lastError: m.lastError } : {}),
      checkedAt: m.checkedAt,
    };
    await deps.store.put(state);
  };

  const api = async (path: string): Promise<unknown> => {
    const { devnetApi } = await deps.settings.get();
    let res: Response;
    try {
      res = await deps.fetch(`${devnetApi}${path}`, { signal: AbortSignal.timeout(5000) });
    } catch (cause) {
      throw new MetalayerApiError(path, 'unreachable', { cause });
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (cause) {
      throw new MetalayerApiError(path, `HTTP ${res.status}, not JSON`, { cause, status: res.status });
    }
    if (!res.ok) {
      const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      throw new MetalayerApiError(path, `HTTP ${res.status} ${String(err?.code ?? '')} ${String(err?.message ?? '')}`.trim(), { status: res.status });
    }
    return body;
  };

  const recordEquivocation = async (evidence: EquivocationEvidence) => {
    const e: StoredEquivocation = {
      key: `${evidence.networkId}:${evidence.epoch}:${evidence.guardianSetId}`,
      networkId: evidence.networkId,
      epoch: evidence.epoch.toString(),
      guardianSetId: evidence.guardianSetId.toString(),
      a: signedCheckpointToJson(evidence.a),
      b: signedCheckpointToJson(evidence.b),
      offenders: [...evidence.offenders],
      reports: evidence.reports.map(({ guardian, index, sigA, sigB }) => ({ guardian, index, sigA, sigB })),
      foundAt: deps.now(),
    };
    await deps.store.addEquivocation(e);
  };

  /** Verifies a checkpoint into the history; on equivocation drops an accepted one of that slot and keeps the evidence. */
  const accept = async (m: Memory, json: unknown): Promise<VerifiedCheckpoint> => {
    const signed = signedCheckpointFromJson(json);
    try {
      return verifySignedCheckpoint(signed, { registry: m.registry, history: m.history, ...(m.finalizedEpoch !== null ? { minEpoch: m.finalizedEpoch } : {}) });
    } catch (error) {
      if (error instanceof EquivocationError) {
        await recordEquivocation(error.evidence);
        const f = m.finalized?.checkpoint;
        if (f && m.history.isEquivocated(f)) {
          m.finalized = null;
          m.inclusions.clear();
        }
      }
      throw error;
    }
  };

  const refreshNow = async () => {
    const m = await load();
    m.checkedAt = deps.now();
    try {
      // 1. Guardian sets: genesis must hash to the pinned value, then every hand-over from the latest accepted set.
      let setError: VerificationFailure | undefined;
      try {
        if (m.registry.list().length === 0) m.registry.acceptGenesis(guardianSetFromJson(await api('/v1/guardian-sets/0')));
        const updates = readUpdates(await api(`/v1/guardian-set-updates?fromSetId=${m.registry.latest().set.id}`));
        m.registry.applyUpdates(updates); // already accepted ones are no-ops; the first bad one stops the walk
      } catch (error) {
        m.lastError = setError = failure('guardian-sets', error);
        if (m.registry.list().length === 0) return;
      }
      // 2. The latest checkpoint, and the same epoch asked again: two different answers are an equivocation.
      let verified: VerifiedCheckpoint;
      try {
        verified = await accept(m, await api('/v1/checkpoints/latest'));
        const again = await api(`/v1/checkpoints/${verified.checkpoint.epoch}`).catch((e: unknown) => (e instanceof MetalayerApiError ? null : Promise.reject(e)));
        // Only the same epoch is a cross-check; anything else the API sends there is ignored.
        if (again !== null && signedCheckpointFromJson(again).checkpoint.epoch === verified.checkpoint.epoch) await accept(m, again);
      } catch (error) {
        m.lastError = failure(error instanceof MetalayerApiError ? 'api' : 'checkpoint', error);
        return;
      }
      // 3. Each chain's head in it, by inclusion proof.
      const same = m.finalized?.signingRoot === verified.signingRoot;
      const inclusions = same ? new Map(m.inclusions) : new Map<number, RollupInclusion>();
      const inclusionErrors = new Map<number, VerificationFailure>();
      const { epoch, aggregateRoot, rollupCount } = verified.checkpoint;
      await Promise.all(
        (await deps.chainIds())
          .filter((id) => !inclusions.has(id))
          .map(async (chainId) => {
            try {
              const r = rollupInclusionFromJson(await api(`/v1/checkpoints/${epoch}/rollups/${chainId}`));
              if (r.head.chainId !== BigInt(chainId)) throw new MetalayerApiError(`/v1/checkpoints/${epoch}/rollups/${chainId}`, `head of chain ${r.head.chainId}`);
              verifyRollupInclusion(r.head, r.proof, aggregateRoot, { rollupCount });
              inclusions.set(chainId, r);
            } catch (error) {
              inclusionErrors.set(chainId, failure('inclusion', error, chainId));
            }
          }),
      );
      m.finalized = verified;
      m.finalizedEpoch = epoch;
      m.inclusions = inclusions;
      m.inclusionErrors = inclusionErrors;
      // A refused hand-over stays visible even when checkpoints of an accepted set still verify.
      m.lastError = setError;
    } finally {
      await persist(m);
      deps.changed();
    }
  };

  const refresh = () => (inflight ??= refreshNow().finally(() => (inflight = null)));

  const ensureFresh = async () => {
    const m = await load();
    if (m.checkedAt === null || deps.now() - m.checkedAt > maxAgeMs || !m.finalized) await refresh().catch(() => undefined);
    return memory!;
  };

  return {
    refresh,
    /** Starts a refresh behind the caller when the view is older than `maxAgeMs` (status reads). */
    refreshIfStale: async () => {
      const m = await load();
      if (m.checkedAt === null || deps.now() - m.checkedAt > maxAgeMs) void refresh().catch(() => undefined);
    },
    /** The accepted checkpoint and a chain's verified head, or null when none covers it. */
    contextFor: async (chainId: number): Promise<CheckpointContext | null> => {
      const m = await load();
      const r = m.inclusions.get(chainId);
      return m.finalized && r ? { checkpoint: m.finalized, head: r.head, proof: r.proof } : null;
    },
    /**
     * Native + token balances of `holder` on one chain at the latest accepted checkpoint (spec A6):
     * refreshes first when the view is older than `maxAgeMs`; per asset a ProvenValue.
     */
    proveBalances: async (p: ProveBalancesParameters): Promise<ProveBalancesReturnType> => {
      const m = await ensureFresh();
      const r = m.inclusions.get(p.chain.chainId);
      const context: CheckpointContext | null = m.finalized && r ? { checkpoint: m.finalized, head: r.head, proof: r.proof } : null;
      const url = p.chain.rpcUrl;
      const request = async ({ method, params }: { method: string; params?: readonly unknown[] }) => {
        if (!url) throw new Error('chain has no RPC URL');
        return jsonRpcFetch(url, method, [...(params ?? [])], { chainId: p.chain.chainId, timeoutMs: 10_000 });
      };
      const proven = await proveTokenBalances({ request, chain: p.chain, context, holder: p.holder, tokens: p.tokens, native: true });
      return { epoch: context ? context.checkpoint.checkpoint.epoch : null, native: proven.native!, tokens: proven.tokens };
    },
    status: async (): Promise<VerificationStatus> => {
      const m = await load();
      const equivocations = await deps.store.equivocations(pinned.networkId);
      const chainIds = await deps.chainIds().catch(() => [...m.inclusions.keys()]);
      const cp = m.finalized?.checkpoint;
      return {
        networkId: pinned.networkId,
        guardianSetId: cp ? cp.guardianSetId.toString() : m.registry.list().length > 0 ? m.registry.latest().set.id.toString() : null,
        finalizedEpoch: m.finalizedEpoch === null ? null : m.finalizedEpoch.toString(),
        checkpointTimestamp: cp ? Number(cp.timestamp) : null,
        checkedAt: m.checkedAt,
        rollups: chainIds.map((chainId) => {
          const r = m.inclusions.get(chainId);
          const error = m.inclusionErrors.get(chainId);
          return { chainId, blockNumber: r ? r.head.blockNumber.toString() : null, included: Boolean(r && m.finalized), ...(error ? { error } : {}) };
        }),
        ...(m.lastError ? { lastError: m.lastError } : {}),
        ...(equivocations.length > 0
          ? {
              equivocation: equivocations.map((e) => ({
                epoch: e.epoch,
                guardianSetId: e.guardianSetId,
                offenders: e.offenders,
                reports: e.reports.length,
                foundAt: e.foundAt,
              })),
            }
          : {}),
      };
    },
    /** Evidence of every equivocation seen (both signed checkpoints + ECDSA signatures), for an L1 report. */
    equivocations: () => deps.store.equivocations(pinned.networkId),
  };
}
