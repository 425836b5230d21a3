import type { Address, Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import type { ChainEntry } from '../../chains';
import type { ApprovalKind, ApprovalRequest } from '../approval';
import type { ApprovalDecision, CallsBundle, Eip2255Permission, PreparedTransaction, RpcContext, WatchedAsset } from '../context';
import { unauthorized, unrecognizedChain, userRejected } from '../errors';
import { jsonRpcFetch } from '../jsonRpcFetch';
import { signPersonalMessage, signPreparedTransaction, signTypedDataWithKey } from '../signer';

/** In-memory RpcContext for unit tests only: real signing and real HTTP to anvil, no browser. */
export type MemoryContextOptions = {
  origin?: string;
  chainId?: number;
  chains?: ChainEntry[];
  keys?: Hex[];
  permitted?: Address[];
  unlocked?: boolean;
  /** Decides each approval: return a decision to approve, or 'reject'. Default: approve. */
  decide?: (kind: ApprovalKind, request: ApprovalRequest) => ApprovalDecision | 'reject';
};

export type MemoryContext = RpcContext & {
  approvals: ApprovalRequest[];
  watched: WatchedAsset[];
  added: ChainEntry[];
  state: { chainId: number; permitted: Address[]; unlocked: boolean };
};

export function chainEntry(chainId: number, rpcUrl: string, name = `Chain ${chainId}`): ChainEntry {
  return {
    chainId,
    name,
    framework: 'op-stack',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: [rpcUrl],
    testnet: true,
    devnet: true,
    tokens: [],
    origin: 'devnet',
  };
}

export function memoryContext(opts: MemoryContextOptions = {}): MemoryContext {
  const keys = opts.keys ?? [];
  const chains = [...(opts.chains ?? [])];
  const bundles = new Map<string, CallsBundle>();
  const state = { chainId: opts.chainId ?? chains[0]?.chainId ?? 1, permitted: [...(opts.permitted ?? [])], unlocked: opts.unlocked ?? true };
  const keyOf = (address: Address) => {
    if (!state.unlocked) throw unauthorized('The wallet is locked');
    const key = keys.find((k) => privateKeyToAddress(k).toLowerCase() === address.toLowerCase());
    if (!key) throw unauthorized();
    return key;
  };
  const chainUrl = (chainId: number) => {
    const c = chains.find((x) => x.chainId === chainId);
    if (!c) throw unrecognizedChain(chainId);
    return c.rpcUrls[0]!;
  };
  const ctx: MemoryContext = {
    origin: opts.origin ?? 'https://dapp.example',
    get chainId() {
      return state.chainId;
    },
    approvals: [],
    watched: [],
    added: [],
    state,
    isUnlocked: () => state.unlocked,
    permittedAccounts: () => [...state.permitted],
    permissions: (): Eip2255Permission[] =>
      state.permitted.length === 0
        ? []
        : [{ invoker: ctx.origin, parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [...state.permitted] }], date: 1 }],
    grantAccounts: async (accounts) => {
      state.permitted = accounts.length > 0 ? accounts : keys.slice(0, 1).map((k) => privateKeyToAddress(k));
    },
    revokePermissions: async () => {
      state.permitted = [];
    },
    setSiteChain: async (chainId) => {
      state.chainId = chainId;
    },
    getChain: (chainId) => chains.find((c) => c.chainId === chainId),
    addChain: async (entry) => {
      chains.push(entry);
      ctx.added.push(entry);
    },
    requestApproval: async (kind, request) => {
      const full = { kind, ...request } as ApprovalRequest;
      ctx.approvals.push(full);
      const decision = opts.decide ? opts.decide(kind, full) : {};
      if (decision === 'reject' || full.blocked) throw userRejected();
      return decision;
    },
    waitForUnlock: async () => {
      state.unlocked = true;
    },
    chainRequest: (chainId, method, params) => jsonRpcFetch(chainUrl(chainId), method, params, { chainId }),
    rpcRequestAt: (url, method, params) => jsonRpcFetch(url, method, params),
    signPersonalMessage: async (address, message) => signPersonalMessage(keyOf(address), message),
    signTypedData: async (address, typedData) => signTypedDataWithKey(keyOf(address), typedData),
    sendTransaction: async (tx: PreparedTransaction) => {
      const raw = await signPreparedTransaction(keyOf(tx.from), tx);
      return (await jsonRpcFetch(chainUrl(tx.chainId), 'eth_sendRawTransaction', [raw], { chainId: tx.chainId })) as Hex;
    },
    watchAsset: async (asset) => {
      ctx.watched.push(asset);
    },
    saveCallsBundle: async (bundle) => {
      bundles.set(bundle.id, structuredClone(bundle));
    },
    getCallsBundle: async (id) => bundles.get(id),
    now: () => Date.now(),
  };
  return ctx;
}
