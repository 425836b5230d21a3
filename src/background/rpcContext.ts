import type { Address, Hex } from 'viem';
import {
  jsonRpcFetch,
  ProviderRpcError,
  signPersonalMessage,
  signPreparedTransaction,
  signTypedDataWithKey,
  unauthorized,
  unrecognizedChain,
  type RpcContext,
} from '../core/rpc';
import type { ApprovalService } from './approvals';
import type { ChainService } from './chains';
import type { WalletDb } from './db';
import type { SiteService } from './sites';
import type { VaultService } from './vault';

export type RpcContextDeps = {
  db: WalletDb;
  vault: VaultService;
  sites: SiteService;
  chains: ChainService;
  approvals: ApprovalService;
  now(): number;
};

/**
 * The background's RpcContext for one request from one origin. It snapshots the site (accounts,
 * chain) and refreshes the snapshot after grants/revokes/switches. Keys are read from the session
 * only at signing time, and a locked wallet fails closed with 4100.
 */
export async function createRpcContext(deps: RpcContextDeps, origin: string, requestKey: string): Promise<RpcContext> {
  const { vault, sites, chains, approvals } = deps;
  let site = await sites.get(origin);
  let permitted = await sites.permittedAccounts(origin);
  let unlocked = await vault.isUnlocked();
  const refresh = async () => {
    site = await sites.get(origin);
    permitted = await sites.permittedAccounts(origin);
    unlocked = await vault.isUnlocked();
  };
  await chains.get(site.chainId); // loads the chain lists for getLoaded below

  const keyFor = async (address: Address): Promise<Hex> => {
    await refresh();
    if (!permitted.some((a) => a.toLowerCase() === address.toLowerCase())) throw unauthorized();
    try {
      return await vault.privateKeyOf(address);
    } catch {
      throw unauthorized('The wallet is locked or the account is gone');
    }
  };
  const chainUrl = async (chainId: number) => {
    const url = await chains.rpcUrl(chainId);
    if (!url) throw unrecognizedChain(chainId);
    return url;
  };

  const ctx: RpcContext = {
    origin,
    get chainId() {
      return site.chainId;
    },
    isUnlocked: () => unlocked,
    permittedAccounts: () => [...permitted],
    permissions: () =>
      permitted.length === 0
        ? []
        : [{ invoker: origin, parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [...permitted] }], date: site.connectedAt }],
    grantAccounts: async (accounts) => {
      await sites.grant(origin, accounts);
      await refresh();
    },
    revokePermissions: async () => {
      await sites.revoke(origin);
      await refresh();
    },
    setSiteChain: async (chainId) => {
      await sites.setChain(origin, chainId);
      await refresh();
    },
    getChain: (chainId) => chains.getLoaded(chainId),
    addChain: (entry) => chains.addUserChain(entry),
    requestApproval: async (kind, req) => {
      if (!(await vault.isInitialized())) throw new ProviderRpcError(4100, 'ERA Wallet is not set up yet: create or import a wallet first');
      const decision = await approvals.request({ origin, chainId: site.chainId, requestKey }, kind, req);
      await refresh();
      return decision;
    },
    waitForUnlock: async () => {
      await approvals.waitForUnlock();
      await refresh();
    },
    chainRequest: async (chainId, method, params) => jsonRpcFetch(await chainUrl(chainId), method, params, { chainId }),
    rpcRequestAt: (url, method, params) => jsonRpcFetch(url, method, params, { timeoutMs: 5000 }),
    signPersonalMessage: async (address, message) => signPersonalMessage(await keyFor(address), message),
    signTypedData: async (address, typedData) => signTypedDataWithKey(await keyFor(address), typedData),
    sendTransaction: async (tx) => {
      const raw = await signPreparedTransaction(await keyFor(tx.from), tx);
      return (await jsonRpcFetch(await chainUrl(tx.chainId), 'eth_sendRawTransaction', [raw], { chainId: tx.chainId })) as Hex;
    },
    watchAsset: (asset) => chains.watchAsset(asset),
    saveCallsBundle: (bundle) => deps.db.bundles.put(bundle),
    getCallsBundle: (id) => deps.db.bundles.get(id),
    now: deps.now,
  };
  return ctx;
}
