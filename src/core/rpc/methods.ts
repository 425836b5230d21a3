import type { ApprovalKind } from './approval';
import type { RpcHandler } from './context';
import { walletGetCallsStatus, walletGetCapabilities, walletSendCalls } from './methods/calls';
import { ethAccounts } from './methods/ethAccounts';
import { ethChainId, netVersion } from './methods/ethChainId';
import { ethRequestAccounts } from './methods/ethRequestAccounts';
import { ethSendTransaction } from './methods/ethSendTransaction';
import { ethSign } from './methods/ethSign';
import { ethSignTypedDataV4 } from './methods/ethSignTypedDataV4';
import { personalSign } from './methods/personalSign';
import { forwardToChain, READ_ONLY_METHODS } from './methods/readOnly';
import { walletAddEthereumChain } from './methods/walletAddEthereumChain';
import { walletGetPermissions, walletRequestPermissions, walletRevokePermissions } from './methods/walletPermissions';
import { walletSwitchEthereumChain } from './methods/walletSwitchEthereumChain';
import { walletWatchAsset } from './methods/walletWatchAsset';

/**
 * One entry per EIP-1193 method. `permission: 'accounts'` means the origin must hold eth_accounts
 * (else 4100 before the handler runs); `approval` is the kind of window the handler may open.
 */
export type RpcMethodSpec = {
  permission: 'none' | 'accounts';
  approval: ApprovalKind | null;
  handler: RpcHandler;
};

const read = (method: string): RpcMethodSpec => ({ permission: 'none', approval: null, handler: forwardToChain(method) });

export const rpcMethods: Readonly<Record<string, RpcMethodSpec>> = Object.freeze({
  eth_requestAccounts: { permission: 'none', approval: 'connect', handler: ethRequestAccounts },
  eth_accounts: { permission: 'none', approval: null, handler: ethAccounts },
  eth_chainId: { permission: 'none', approval: null, handler: ethChainId },
  net_version: { permission: 'none', approval: null, handler: netVersion },
  wallet_requestPermissions: { permission: 'none', approval: 'permissions', handler: walletRequestPermissions },
  wallet_getPermissions: { permission: 'none', approval: null, handler: walletGetPermissions },
  wallet_revokePermissions: { permission: 'none', approval: null, handler: walletRevokePermissions },
  wallet_switchEthereumChain: { permission: 'none', approval: 'switch_chain', handler: walletSwitchEthereumChain },
  wallet_addEthereumChain: { permission: 'none', approval: 'add_chain', handler: walletAddEthereumChain },
  personal_sign: { permission: 'accounts', approval: 'personal_sign', handler: personalSign },
  eth_signTypedData_v4: { permission: 'accounts', approval: 'typed_data', handler: ethSignTypedDataV4 },
  eth_sendTransaction: { permission: 'accounts', approval: 'send_transaction', handler: ethSendTransaction },
  wallet_watchAsset: { permission: 'none', approval: 'watch_asset', handler: walletWatchAsset },
  wallet_getCapabilities: { permission: 'accounts', approval: null, handler: walletGetCapabilities },
  wallet_sendCalls: { permission: 'accounts', approval: 'send_calls', handler: walletSendCalls },
  wallet_getCallsStatus: { permission: 'accounts', approval: null, handler: walletGetCallsStatus },
  eth_sign: { permission: 'none', approval: null, handler: ethSign },
  ...Object.fromEntries(READ_ONLY_METHODS.map((m) => [m, read(m)])),
});

/** Methods wallet_addEthereumChain may open besides its own kind (a known chain becomes a switch). */
export const extraApprovalKinds: Readonly<Record<string, readonly ApprovalKind[]>> = {
  wallet_addEthereumChain: ['switch_chain'],
};
