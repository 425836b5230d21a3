import { keccak256, stringToHex, type Hex } from 'viem';
import type { CallsBundle, RpcHandler } from '../context';
import { readChecksummedAddress } from '../checksum';
import { invalidParams, ProviderRpcError, RpcErrorCode } from '../errors';
import { readChainId, readData, readOptionalQuantity, readParamObject, toHexQuantity } from '../params';
import { prepareTransaction } from '../prepareTransaction';
import { positional } from '../request';
import { requirePermittedAccount } from './accounts';

const MAX_CALLS = 20;

/**
 * EIP-5792 wallet_getCapabilities. Accounts here are plain EOAs without EIP-7702 delegation, so
 * atomic batches are honestly reported as unsupported on every chain.
 */
export const walletGetCapabilities: RpcHandler = async (params, ctx) => {
  const p = positional(params);
  requirePermittedAccount(ctx, p[0], 'address');
  const requested = p[1] === undefined ? [ctx.chainId] : Array.isArray(p[1]) ? p[1].map((c, i) => readChainId(c, `chainIds[${i}]`)) : null;
  if (requested === null) throw invalidParams('chainIds must be an array');
  const out: Record<string, { atomic: { status: 'unsupported' } }> = {};
  for (const id of requested) if (ctx.getChain(id)) out[toHexQuantity(id)] = { atomic: { status: 'unsupported' } };
  return out;
};

/** EIP-5792 wallet_sendCalls: one approval, then the calls are sent one by one (not atomically). */
export const walletSendCalls: RpcHandler = async (params, ctx) => {
  const p = readParamObject(positional(params)[0], 'params[0]');
  if (p.version !== undefined && typeof p.version !== 'string') throw invalidParams('version must be a string');
  const chainId = readChainId(p.chainId);
  if (chainId !== ctx.chainId) throw new ProviderRpcError(RpcErrorCode.unsupportedChain5792, `Calls are for chain ${chainId} but the site is on ${ctx.chainId}`);
  const from = p.from === undefined ? ctx.permittedAccounts()[0] : requirePermittedAccount(ctx, p.from, 'from');
  if (!from) throw invalidParams('no account to send from');
  if (p.atomicRequired === true) {
    throw new ProviderRpcError(RpcErrorCode.atomicityNotSupported, 'This wallet cannot execute calls atomically (EOA without EIP-7702)');
  }
  if (p.capabilities !== undefined) {
    const caps = readParamObject(p.capabilities, 'capabilities');
    for (const [name, cap] of Object.entries(caps)) {
      if ((cap as { optional?: unknown } | null)?.optional !== true) {
        throw new ProviderRpcError(5700, `Unsupported non-optional capability ${name.slice(0, 40)}`);
      }
    }
  }
  if (!Array.isArray(p.calls) || p.calls.length === 0 || p.calls.length > MAX_CALLS) {
    throw invalidParams(`calls must be an array of 1 to ${MAX_CALLS} calls`);
  }
  const calls = p.calls.map((c, i) => {
    const call = readParamObject(c, `calls[${i}]`);
    const to = call.to === undefined || call.to === null ? null : readChecksummedAddress(call.to, `calls[${i}].to`);
    const data = readData(call.data, `calls[${i}].data`);
    if (to === null && data === '0x') throw invalidParams(`calls[${i}] has neither to nor data`);
    return { to, data, value: readOptionalQuantity(call.value, `calls[${i}].value`) ?? 0n };
  });
  let id: string;
  if (p.id !== undefined) {
    if (typeof p.id !== 'string' || p.id.length === 0 || p.id.length > 4096) throw invalidParams('id must be a string');
    id = p.id;
    if (await ctx.getCallsBundle(id)) throw new ProviderRpcError(RpcErrorCode.duplicateBundle, 'A call bundle with this id already exists');
  } else {
    id = keccak256(stringToHex(`${ctx.origin}|${ctx.now()}|${globalThis.crypto.randomUUID()}`));
  }
  await ctx.requestApproval('send_calls', {
    params: { from, atomicRequired: false, calls: calls.map((c) => ({ to: c.to, data: c.data, value: c.value.toString() })) },
    warnings: [{ code: 'not_atomic', severity: 'info', message: 'These calls are sent one after another; if one fails, later ones are not sent.' }],
    blocked: null,
  });
  const bundle: CallsBundle = { id, origin: ctx.origin, chainId, from, hashes: [], unsent: calls.length, createdAt: ctx.now() };
  await ctx.saveCallsBundle(bundle);
  for (const call of calls) {
    try {
      const tx = await prepareTransaction(ctx, chainId, { from, ...call });
      bundle.hashes.push(await ctx.sendTransaction(tx));
      bundle.unsent--;
    } catch {
      break; // the failure shows as partial/failed status
    } finally {
      await ctx.saveCallsBundle(bundle);
    }
  }
  return { id };
};

type Receipt = { status?: string; blockHash: Hex; blockNumber: Hex; gasUsed: Hex; transactionHash: Hex; logs: unknown[] };

/** EIP-5792 status codes: 100 pending, 200 confirmed, 400 failed offchain, 500 reverted, 600 partial. */
export const walletGetCallsStatus: RpcHandler = async (params, ctx) => {
  const id = positional(params)[0];
  if (typeof id !== 'string' || id.length > 4096) throw invalidParams('id must be a string');
  const bundle = await ctx.getCallsBundle(id);
  if (!bundle || bundle.origin !== ctx.origin) throw new ProviderRpcError(RpcErrorCode.unknownBundle, 'Unknown call bundle id');
  const receipts = (await Promise.all(
    bundle.hashes.map((h) => ctx.chainRequest(bundle.chainId, 'eth_getTransactionReceipt', [h])),
  )) as (Receipt | null)[];
  const mined = receipts.filter((r): r is Receipt => r !== null);
  const reverted = mined.filter((r) => r.status === '0x0').length;
  let status: number;
  if (bundle.hashes.length === 0) status = bundle.unsent > 0 ? 400 : 100;
  else if (mined.length < bundle.hashes.length) status = 100;
  else if (reverted === 0 && bundle.unsent === 0) status = 200;
  else if (reverted === mined.length && bundle.unsent === 0) status = 500;
  else status = 600;
  return {
    version: '2.0.0',
    id: bundle.id,
    chainId: toHexQuantity(bundle.chainId),
    status,
    atomic: false,
    receipts: mined.map((r) => ({
      logs: r.logs,
      status: r.status ?? '0x1',
      blockHash: r.blockHash,
      blockNumber: r.blockNumber,
      gasUsed: r.gasUsed,
      transactionHash: r.transactionHash,
    })),
  };
};
