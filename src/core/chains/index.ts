export type { ChainEntry, ChainExplorer, ChainOrigin, ChainToken, FactSource, Framework, NativeCurrency } from './types';
export { MULTICALL3_ADDRESS } from './types';
export { ChainExistsError, ChainValidationError, UnknownChainError } from './errors';
export { calderaMainnets, unconfirmedCalderaMainnets } from './calderaMainnets';
export { devnetFromChainData, devnetFromNetworkResponse, withDevnetRpcUrls, type DevnetNetwork } from './devnetNetwork';
export { chainFromAddEthereumChain, checkChainRpc, type AddEthereumChainParameter, type ChainIdRequest } from './addEthereumChain';
export {
  addUserChain,
  createChainRegistry,
  enabledChains,
  getChain,
  isChainEnabled,
  removeUserChain,
  requireChain,
  setChainEnabled,
  withDevnetChains,
  type ChainRegistry,
  type CreateChainRegistryParameters,
} from './registry';
export {
  interoperableAddress,
  interoperableChecksum,
  parseInteroperableName,
  toInteroperableName,
  type InteroperableName,
} from './interopAddress';
