/**
 * The UI's door to the background: thin named calls over `send(contract, input)` so screens read as
 * domain verbs and the list of contracts the UI uses stays in one place.
 */
import { send, subscribeState as subscribe } from '../messages/client';
import {
  accountsAdd,
  accountsRename,
  accountsSelect,
  approvalsList,
  approvalsResolve,
  balancesNative,
  chainsSetEnabled,
  settingsSet,
  sitesList,
  sitesRevoke,
  stateGet,
  txSend,
  vaultCreate,
  vaultGenerateMnemonic,
  vaultImportPrivateKey,
  vaultLock,
  vaultRevealMnemonic,
  vaultUnlock,
  type ApprovalsResolveInput,
  type SettingsSetInput,
  type TxSendInput,
  type WalletState,
} from '../messages';
import { portfolioGet, type PortfolioView } from '../messages/portfolioGet';
import { portfolioRefresh } from '../messages/portfolioRefresh';
import { verificationStatus } from '../messages/verificationStatus';

export type {
  Approval,
  ApprovalKind,
  ApprovalWarning,
  ConnectedSite,
  NativeBalance,
  PersonalSignParams,
  SendCallsParams,
  SendTransactionParams,
  SwitchChainParams,
  AddChainParams,
  WatchAssetParams,
  TypedDataField,
  TypedDataParams,
  WalletAccount,
  WalletChain,
  WalletState,
} from '../messages';
export type { PortfolioChainRead, PortfolioHistoryPoint, PortfolioTotalsJson, PortfolioView } from '../messages/portfolioGet';
export type { VerificationStatus } from '../messages/verificationStatus';
export type Address = `0x${string}`;

export const getState = () => send(stateGet, {});
export const subscribeState = (listener: (state: WalletState | null) => void) => subscribe(listener);
export const generateMnemonic = (words: 12 | 24) => send(vaultGenerateMnemonic, { words });
export const createVault = (mnemonic: string, password: string) => send(vaultCreate, { mnemonic, password });
export const importPrivateKey = (privateKey: string, name?: string) => send(vaultImportPrivateKey, name ? { privateKey, name } : { privateKey });
export const unlock = (password: string) => send(vaultUnlock, { password });
export const lock = () => send(vaultLock, {});
export const revealMnemonic = (password: string) => send(vaultRevealMnemonic, { password });
export const addAccount = (name?: string) => send(accountsAdd, name ? { name } : {});
export const renameAccount = (address: Address, name: string) => send(accountsRename, { address, name });
export const selectAccount = (address: Address) => send(accountsSelect, { address });
export const setSettings = (input: SettingsSetInput) => send(settingsSet, input);
/** Switches a chain on or off; the state/changed push carries the new `enabled`, the portfolio re-reads. */
export const setChainEnabled = (chainId: number, enabled: boolean) => send(chainsSetEnabled, { chainId, enabled });
export const listApprovals = () => send(approvalsList, {});
export const resolveApproval = (input: ApprovalsResolveInput) => send(approvalsResolve, input);
export const listSites = () => send(sitesList, {});
export const revokeSite = (origin: string) => send(sitesRevoke, { origin });
export const getNativeBalances = (address: string) => send(balancesNative, { address: address as Address });
export const sendTransaction = (input: TxSendInput) => send(txSend, input);
/** The cached portfolio at once (`stale: true` while a refresh runs behind it). */
export const getPortfolio = (address?: string): Promise<PortfolioView> =>
  send(portfolioGet, address === undefined ? {} : { address: address as Address });
/** Reads every chain again; answers when the balances are read (proofs continue behind it). */
export const refreshPortfolio = (address: string): Promise<PortfolioView> => send(portfolioRefresh, { address: address as Address });
export const getVerificationStatus = () => send(verificationStatus, {});
