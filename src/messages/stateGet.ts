import { defineMessage } from './defineMessage';
import { readEmpty } from './validation';

export type AccountKind = 'hd' | 'imported';

export type WalletAccount = {
  address: `0x${string}`;
  name: string;
  kind: AccountKind;
  /** HD index on m/44'/60'/0'/0/i; absent for imported keys. */
  index?: number;
};

export type WalletChain = {
  chainId: number;
  name: string;
  /** 'l1' | 'op-stack' | 'arbitrum-orbit' | 'zk-stack' | 'custom' (added by a site). */
  framework: string;
  rpcUrl: string;
  /** Whether the last eth_chainId probe of rpcUrl answered with chainId. */
  online: boolean;
  /** Switched on by the user (chains/setEnabled); a disabled chain is not probed nor read. */
  enabled: boolean;
  nativeCurrency?: { name: string; symbol: string; decimals: number };
};

export type WalletState = {
  initialized: boolean;
  locked: boolean;
  /** Public account data (addresses, names): listed while locked too; keys stay encrypted. */
  accounts: WalletAccount[];
  selectedAddress: `0x${string}` | null;
  autoLockMinutes: number;
  devnetApi: string;
  chains: WalletChain[];
  pendingApprovals: number;
};

export const stateGet = defineMessage<Record<string, never>, WalletState>()({
  type: 'state/get',
  validate: readEmpty,
});
