import type { Address, Hex, TypedDataDefinition } from 'viem';
import type { ChainEntry } from '../chains';
import type { ApprovalKind, ApprovalRequest } from './approval';

/** EIP-2255 permission object as wallet_getPermissions returns it. */
export type Eip2255Permission = {
  invoker: string;
  parentCapability: 'eth_accounts';
  caveats: { type: 'restrictReturnedAccounts'; value: Address[] }[];
  date: number;
};

/** What the user decided in the approval window (only approvals resolve; rejects throw 4001). */
export type ApprovalDecision = { accounts?: Address[] };

/** A transaction with every field the wallet fills, ready to sign. */
export type PreparedTransaction = {
  chainId: number;
  from: Address;
  to: Address | null;
  value: bigint;
  data: Hex;
  nonce: number;
  gas: bigint;
  fees: { type: 'eip1559'; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { type: 'legacy'; gasPrice: bigint };
};

export type WatchedAsset = { chainId: number; address: Address; symbol: string; decimals: number; image: string | null };

export type CallsBundle = {
  id: string;
  origin: string;
  chainId: number;
  from: Address;
  hashes: Hex[];
  /** Calls not sent because an earlier one failed to broadcast. */
  unsent: number;
  createdAt: number;
};

/**
 * Everything an rpc handler may do, implemented by the background (chrome storage, approval window,
 * keys in session storage) and by an in-memory version in unit tests.
 */
export interface RpcContext {
  /** Derived from the port's sender by the background, never from the page. */
  readonly origin: string;
  /** The site's selected chain. */
  readonly chainId: number;
  isUnlocked(): boolean;
  /** Accounts this origin was granted that still exist in the wallet (regardless of lock). */
  permittedAccounts(): Address[];
  permissions(): Eip2255Permission[];
  grantAccounts(accounts: Address[]): Promise<void>;
  revokePermissions(): Promise<void>;
  /** Sets the site's chain (emits chainChanged to that origin's tabs). */
  setSiteChain(chainId: number): Promise<void>;
  getChain(chainId: number): ChainEntry | undefined;
  addChain(entry: ChainEntry): Promise<void>;
  /** Queues an approval; resolves when approved, rejects with 4001 when rejected or the window closes. */
  requestApproval<K extends ApprovalKind>(kind: K, request: Omit<ApprovalRequest<K>, 'kind'>): Promise<ApprovalDecision>;
  /** Opens the window on the unlock screen; resolves once unlocked, rejects 4001 if closed. */
  waitForUnlock(): Promise<void>;
  /** A JSON-RPC call to the chain's node. Throws 4901 when unreachable. */
  chainRequest(chainId: number, method: string, params: unknown[]): Promise<unknown>;
  /** A JSON-RPC call to a URL not (yet) in the registry: wallet_addEthereumChain's probe. */
  rpcRequestAt(url: string, method: string, params: unknown[]): Promise<unknown>;
  signPersonalMessage(address: Address, message: Hex): Promise<Hex>;
  signTypedData(address: Address, typedData: TypedDataDefinition): Promise<Hex>;
  /** Signs with the account's key and broadcasts; returns the transaction hash. */
  sendTransaction(tx: PreparedTransaction): Promise<Hex>;
  watchAsset(asset: WatchedAsset): Promise<void>;
  saveCallsBundle(bundle: CallsBundle): Promise<void>;
  getCallsBundle(id: string): Promise<CallsBundle | undefined>;
  now(): number;
}

export type RpcHandler = (params: unknown, ctx: RpcContext) => Promise<unknown>;
