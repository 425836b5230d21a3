import type { Address, Hex } from 'viem';

/** What a pending dApp request asks the user; `params` are already decoded for display. */
export type ApprovalKind =
  | 'connect'
  | 'personal_sign'
  | 'typed_data'
  | 'send_transaction'
  | 'switch_chain'
  | 'add_chain'
  | 'watch_asset'
  | 'send_calls'
  | 'permissions';

export type ApprovalWarning = { code: string; message: string; severity: 'info' | 'warning' | 'danger' };

/** When set, the request cannot be approved (the UI shows only reject); resolving it approved fails. */
export type ApprovalBlock = { code: string; message: string };

export type ConnectParams = { permissions: string[] };
export type PermissionsParams = { permissions: string[] };

export type SiweFields = {
  domain: string;
  address: string;
  statement: string | null;
  uri: string;
  version: string;
  chainId: number;
  nonce: string;
  issuedAt: string;
  expirationTime: string | null;
  notBefore: string | null;
  requestId: string | null;
  resources: string[];
};

export type PersonalSignParams = {
  address: Address;
  /** The message as UTF-8 text, or null when the bytes are not valid UTF-8 (show `raw`). */
  text: string | null;
  raw: Hex;
  /** Parsed EIP-4361 fields when the text is a Sign-In with Ethereum message. */
  siwe: SiweFields | null;
};

export type TypedDataField = { name: string; type: string; value: string | TypedDataField[] };

export type TypedDataParams = {
  address: Address;
  domain: { name?: string; version?: string; chainId?: number; verifyingContract?: string; salt?: string };
  primaryType: string;
  /** The message decoded along its EIP-712 types, nested structs and arrays as children. */
  fields: TypedDataField[];
};

export type SendTransactionParams = {
  from: Address;
  to: Address | null;
  /** Decimal strings in wei so bigint survives structured cloning everywhere. */
  value: string;
  data: Hex;
  nonce: number;
  gas: string;
  maxFeePerGas: string;
  maxPriorityFeePerGas: string;
  /** gas × maxFeePerGas: the most this transaction can cost in fees. */
  maxFee: string;
  nativeSymbol: string;
};

export type SwitchChainParams = { fromChainId: number; toChainId: number; chainName: string };

export type AddChainParams = {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  blockExplorerUrl: string | null;
};

export type WatchAssetParams = { type: 'ERC20'; address: Address; symbol: string; decimals: number; image: string | null };

export type SendCallsParams = {
  from: Address;
  calls: { to: Address | null; value: string; data: Hex }[];
  /** The site required atomic execution; this wallet (an EOA without EIP-7702) executes sequentially. */
  atomicRequired: boolean;
};

export type ApprovalParamsByKind = {
  connect: ConnectParams;
  permissions: PermissionsParams;
  personal_sign: PersonalSignParams;
  typed_data: TypedDataParams;
  send_transaction: SendTransactionParams;
  switch_chain: SwitchChainParams;
  add_chain: AddChainParams;
  watch_asset: WatchAssetParams;
  send_calls: SendCallsParams;
};

export type ApprovalRequest<K extends ApprovalKind = ApprovalKind> = K extends ApprovalKind
  ? {
      kind: K;
      params: ApprovalParamsByKind[K];
      warnings: ApprovalWarning[];
      blocked: ApprovalBlock | null;
    }
  : never;

export type Approval = ApprovalRequest & {
  id: string;
  origin: string;
  /** The site's selected chain when the request arrived. */
  chainId: number;
  createdAt: number;
};
