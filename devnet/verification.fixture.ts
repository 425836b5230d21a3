// A light client of the devnet's (untrusted) Metalayer API, as the wallet uses it: every answer is
// decoded with the metalayer JSON codecs and trusted only after the light verification core checked it.
import type { Address } from 'viem';
import {
  guardianSetFromJson,
  rollupInclusionFromJson,
  signedCheckpointFromJson,
  signedGuardianSetUpdateFromJson,
  type GuardianSet,
  type RollupInclusion,
  type SignedCheckpoint,
  type SignedGuardianSetUpdate,
} from '../src/core/metalayer/index.js';
import {
  CheckpointHistory,
  GuardianSetRegistry,
  proveTokenBalances,
  verifySignedCheckpoint,
  type Eip1193Request,
  type ProveTokenBalancesReturnType,
  type VerifiedCheckpoint,
} from '../src/core/verifier/index.js';
import type { NetworkInfo, RegistryEntry } from './api/network.js';
import type { Fault } from './metalayer/index.js';

export class MetalayerApiError extends Error {
  override name = 'MetalayerApiError';
  constructor(
    message: string,
    readonly details: { path: string; status: number; code?: string },
  ) {
    super(message);
  }
}

/** The spec C paths (and the devnet's spec D fault switches) over HTTP. */
export class MetalayerApi {
  constructor(readonly baseUrl: string) {}

  async #json(path: string, init?: RequestInit): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (!response.ok) {
      throw new MetalayerApiError(`${init?.method ?? 'GET'} ${path}: ${response.status} ${body?.error?.message ?? ''}`, {
        path,
        status: response.status,
        code: body?.error?.code,
      });
    }
    return body;
  }

  /** Discovery only: RPC URLs and the registry entries; the trust anchor is the pinned hash, not this answer. */
  async network(): Promise<NetworkInfo> {
    const info = (await this.#json('/v1/network')) as NetworkInfo;
    if (typeof info?.networkId !== 'number' || !Array.isArray(info.rollups)) throw new MetalayerApiError('malformed /v1/network', { path: '/v1/network', status: 200 });
    return info;
  }

  async guardianSet(id: bigint): Promise<GuardianSet> {
    return guardianSetFromJson(await this.#json(`/v1/guardian-sets/${id}`));
  }

  async guardianSetUpdates(fromSetId: bigint): Promise<SignedGuardianSetUpdate[]> {
    const list = await this.#json(`/v1/guardian-set-updates?fromSetId=${fromSetId}`);
    if (!Array.isArray(list)) throw new MetalayerApiError('guardian-set-updates is not an array', { path: 'guardian-set-updates', status: 200 });
    return list.map((u, i) => signedGuardianSetUpdateFromJson(u, `updates[${i}]`));
  }

  async latest(): Promise<SignedCheckpoint> {
    return signedCheckpointFromJson(await this.#json('/v1/checkpoints/latest'));
  }

  async checkpoint(epoch: bigint): Promise<SignedCheckpoint> {
    return signedCheckpointFromJson(await this.#json(`/v1/checkpoints/${epoch}`));
  }

  async alternatives(epoch: bigint): Promise<SignedCheckpoint[]> {
    const list = await this.#json(`/v1/checkpoints/${epoch}/alternatives`);
    if (!Array.isArray(list)) throw new MetalayerApiError('alternatives is not an array', { path: 'alternatives', status: 200 });
    return list.map((c, i) => signedCheckpointFromJson(c, `alternatives[${i}]`));
  }

  async inclusion(epoch: bigint, chainId: number, alternative?: number): Promise<RollupInclusion> {
    const query = alternative === undefined ? '' : `?alternative=${alternative}`;
    return rollupInclusionFromJson(await this.#json(`/v1/checkpoints/${epoch}/rollups/${chainId}${query}`));
  }

  async setFault(fault: Fault): Promise<void> {
    await this.#json('/admin/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  }

  async clearFaults(): Promise<void> {
    await this.#json('/admin/faults', { method: 'DELETE' });
  }
}

/** EIP-1193 `request` over plain JSON-RPC HTTP (the rollup's RPC: untrusted). */
export function httpRequest(rpcUrl: string): Eip1193Request {
  let id = 0;
  return async ({ method, params }) => {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: params ?? [] }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
    if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
    return body.result;
  };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * What a wallet keeps: the pinned network (from the shipped devnet.json, never from the API), the
 * accepted guardian sets, the checkpoints seen, and its finalized epoch.
 */
export class LightClient {
  readonly registry: GuardianSetRegistry;
  readonly history = new CheckpointHistory();
  finalizedEpoch: bigint | undefined;

  constructor(
    readonly api: MetalayerApi,
    pinned: { networkId: number; genesisGuardianSetHash: string },
  ) {
    this.registry = new GuardianSetRegistry({ networkId: pinned.networkId, genesisHash: pinned.genesisGuardianSetHash as `0x${string}` });
  }

  /** Genesis set from the API, accepted only if it hashes to the pinned hash; then every hand-over, each checked. */
  async syncGuardianSets(): Promise<void> {
    this.registry.acceptGenesis(await this.api.guardianSet(0n));
    this.registry.applyUpdates(await this.api.guardianSetUpdates(this.registry.latest().set.id));
  }

  /** Verifies a checkpoint (no rollback below the finalized epoch, no equivocation) and advances the finalized epoch. */
  accept(signed: SignedCheckpoint): VerifiedCheckpoint {
    const verified = verifySignedCheckpoint(signed, { registry: this.registry, minEpoch: this.finalizedEpoch, history: this.history });
    if (this.finalizedEpoch === undefined || verified.checkpoint.epoch > this.finalizedEpoch) this.finalizedEpoch = verified.checkpoint.epoch;
    return verified;
  }

  /** Native and every listed token balance of `holder` on `chain`, proven at the checkpoint's head of that chain. */
  async proveBalances(verified: VerifiedCheckpoint, chain: RegistryEntry, holder: Address, opts: { minBlockNumber?: bigint } = {}): Promise<ProveTokenBalancesReturnType> {
    // Also for zk-stack (904 is in the tree): the prover itself must call its state unverifiable.
    const context = { checkpoint: verified, ...(await this.api.inclusion(verified.checkpoint.epoch, chain.chainId)) };
    return proveTokenBalances({
      request: httpRequest(chain.rpcUrl),
      chain,
      context,
      holder,
      tokens: chain.tokens.map((t) => ({ address: t.address, balancesSlot: t.balancesSlot })),
      native: true,
      minBlockNumber: opts.minBlockNumber,
    });
  }
}
