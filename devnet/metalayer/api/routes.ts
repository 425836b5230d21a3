import type { Hex } from 'viem';
import {
  guardianSetToJson,
  rollupInclusionToJson,
  signedCheckpointToJson,
  signedGuardianSetUpdateToJson,
} from '../../../src/core/metalayer/index.js';
import { ApiError, type ApiRequest, type DevnetApiRouter } from '../../api/router.js';
import { FAULT_KINDS, FaultSpecError, parseFault, type FaultKind, type FaultSwitchboard } from '../faults/faults.js';
import type { HyperlaneRelayer } from '../hyperlane/relayer.js';
import { merkleRootMetadata, messageIdMetadata } from '../hyperlane/relayer.js';
import type { HyperlaneValidatorSet } from '../hyperlane/validators.js';
import type { MetalayerFeed, ServedCheckpoint } from './feed.js';

export type MetalayerRoutesSource = {
  feed: MetalayerFeed;
  faults: FaultSwitchboard;
  validators: HyperlaneValidatorSet;
  relayer: HyperlaneRelayer;
};

const hex = (n: number | bigint) => `0x${n.toString(16)}` as Hex;

/** Parses a uint64 path/query value given in decimal or 0x-hex; 400 otherwise. */
export function parseUint(value: string | null | undefined, name: string): bigint {
  if (value == null || !/^(0x[0-9a-fA-F]{1,16}|[0-9]{1,20})$/.test(value)) throw new ApiError(400, 'BAD_REQUEST', `${name} must be an unsigned integer`);
  const n = BigInt(value);
  if (n >= 1n << 64n) throw new ApiError(400, 'BAD_REQUEST', `${name} does not fit uint64`);
  return n;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

function requireLoopback(req: ApiRequest): void {
  if (!isLoopback(req.remoteAddress)) throw new ApiError(403, 'FORBIDDEN', 'admin routes are loopback only');
}

function requireCheckpoint(served: ServedCheckpoint | undefined, what: string): ServedCheckpoint {
  if (!served) throw new ApiError(404, 'CHECKPOINT_NOT_FOUND', `no checkpoint ${what}`);
  return served;
}

/** Registers the Metalayer API of spec C (and the fault switches of spec D) on the devnet router. */
export function routeMetalayer(router: DevnetApiRouter, src: MetalayerRoutesSource): void {
  const { feed, faults, validators, relayer } = src;

  router.route('GET', '/v1/guardian-sets/{id}', async (req) => {
    const set = await feed.guardianSet(parseUint(req.params.id, 'id'));
    if (!set) throw new ApiError(404, 'GUARDIAN_SET_NOT_FOUND', `no guardian set ${req.params.id}`);
    return guardianSetToJson(set);
  });

  router.route('GET', '/v1/guardian-set-updates', async (req) => {
    const from = parseUint(req.query.get('fromSetId') ?? '0', 'fromSetId');
    return (await feed.updatesFrom(from)).map(signedGuardianSetUpdateToJson);
  });

  router.route('GET', '/v1/checkpoints/latest', async () => signedCheckpointToJson(requireCheckpoint(await feed.latest(), 'yet').signed));

  router.route('GET', '/v1/checkpoints/{epoch}', async (req) => {
    const epoch = parseUint(req.params.epoch, 'epoch');
    return signedCheckpointToJson(requireCheckpoint(await feed.at(epoch), `for epoch ${epoch}`).signed);
  });

  router.route('GET', '/v1/checkpoints/{epoch}/alternatives', (req) => {
    const epoch = parseUint(req.params.epoch, 'epoch');
    return feed.alternatives(epoch).map((a) => signedCheckpointToJson(a.signed));
  });

  router.route('GET', '/v1/checkpoints/{epoch}/rollups/{chainId}', async (req) => {
    const epoch = parseUint(req.params.epoch, 'epoch');
    const chainId = parseUint(req.params.chainId, 'chainId');
    const alt = req.query.get('alternative');
    const served = alt === null ? await feed.at(epoch) : feed.alternatives(epoch)[Number(parseUint(alt, 'alternative'))];
    const { tree } = requireCheckpoint(served, `for epoch ${epoch}`);
    const head = tree.heads.find((h) => h.chainId === chainId);
    if (!head) throw new ApiError(404, 'ROLLUP_NOT_FOUND', `chain ${chainId} is not in epoch ${epoch}`);
    return rollupInclusionToJson({ head, proof: tree.proofOf(chainId) });
  });

  router.route('GET', '/v1/messages/{messageId}', (req) => {
    const id = req.params.messageId ?? '';
    if (!/^0x[0-9a-fA-F]{64}$/.test(id)) throw new ApiError(400, 'BAD_REQUEST', 'messageId must be 32 bytes hex');
    const m = validators.message(id as Hex);
    if (!m) throw new ApiError(404, 'MESSAGE_NOT_FOUND', `no signed message ${id}`);
    const status = relayer.status(m.messageId);
    return {
      messageId: m.messageId,
      message: m.message,
      origin: hex(m.origin),
      destination: hex(m.destination),
      messageIndex: hex(m.checkpoint.index),
      hook: m.merkleTreeHook,
      checkpoint: { root: m.checkpoint.root, index: hex(m.checkpoint.index), messageId: m.checkpoint.messageId },
      signatures: m.signatures.map((s) => ({ index: hex(s.index), signature: s.signature })),
      metadata: { messageId: messageIdMetadata(m), merkleRoot: merkleRootMetadata(m) },
      validators: m.validators,
      threshold: hex(m.threshold),
      relay: status ?? { status: 'waiting', reason: 'not queued' },
    };
  });

  router.route('GET', '/admin/faults', (req) => {
    requireLoopback(req);
    return { faults: faults.list() };
  });

  router.route('POST', '/admin/faults', (req) => {
    requireLoopback(req);
    try {
      faults.set(parseFault(req.body));
    } catch (e) {
      if (e instanceof FaultSpecError) throw new ApiError(400, 'BAD_FAULT', e.message, { cause: e });
      throw e;
    }
    return { faults: faults.list() };
  });

  router.route('DELETE', '/admin/faults', (req) => {
    requireLoopback(req);
    const kind = req.query.get('kind');
    if (kind && !FAULT_KINDS.includes(kind as FaultKind)) throw new ApiError(400, 'BAD_FAULT', `kind must be one of ${FAULT_KINDS.join(', ')}`);
    faults.clear((kind as FaultKind | null) ?? undefined);
    return { faults: faults.list() };
  });
}
