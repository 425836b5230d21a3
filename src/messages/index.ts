import { accountsAdd } from './accountsAdd';
import { accountsRename } from './accountsRename';
import { accountsSelect } from './accountsSelect';
import { approvalsList } from './approvalsList';
import { approvalsResolve } from './approvalsResolve';
import { balancesNative } from './balancesNative';
import { chainsSetEnabled } from './chainsSetEnabled';
import { clipboardClearLater } from './clipboardClearLater';
import { portfolioGet } from './portfolioGet';
import { portfolioRefresh } from './portfolioRefresh';
import { settingsSet } from './settingsSet';
import { sitesList } from './sitesList';
import { sitesRevoke } from './sitesRevoke';
import { stateGet } from './stateGet';
import { txEstimate } from './txEstimate';
import { txSend } from './txSend';
import { vaultCreate } from './vaultCreate';
import { vaultGenerateMnemonic } from './vaultGenerateMnemonic';
import { vaultImportPrivateKey } from './vaultImportPrivateKey';
import { vaultLock } from './vaultLock';
import { vaultRevealMnemonic } from './vaultRevealMnemonic';
import { vaultUnlock } from './vaultUnlock';
import { verificationStatus } from './verificationStatus';

export * from './accountsAdd';
export * from './accountsRename';
export * from './accountsSelect';
export * from './approvalsList';
export * from './approvalsResolve';
export * from './balancesNative';
export * from './chainsSetEnabled';
export * from './clipboardClearLater';
export * from './defineMessage';
export * from './events';
export * from './MessageError';
export * from './portfolioGet';
export * from './portfolioRefresh';
export * from './settingsSet';
export * from './sitesList';
export * from './sitesRevoke';
export * from './stateGet';
export * from './txEstimate';
export * from './txSend';
export * from './vaultCreate';
export * from './vaultGenerateMnemonic';
export * from './vaultImportPrivateKey';
export * from './vaultLock';
export * from './vaultRevealMnemonic';
export * from './vaultUnlock';
export * from './verificationStatus';

/** Every UI → background contract; the background registers exactly one handler for each. */
export const messageContracts = [
  stateGet,
  vaultGenerateMnemonic,
  vaultCreate,
  vaultImportPrivateKey,
  vaultUnlock,
  vaultLock,
  vaultRevealMnemonic,
  accountsAdd,
  accountsRename,
  accountsSelect,
  settingsSet,
  approvalsList,
  approvalsResolve,
  sitesList,
  sitesRevoke,
  balancesNative,
  txSend,
  txEstimate,
  verificationStatus,
  portfolioGet,
  portfolioRefresh,
  chainsSetEnabled,
  clipboardClearLater,
] as const;

export type AnyMessageContract = (typeof messageContracts)[number];
