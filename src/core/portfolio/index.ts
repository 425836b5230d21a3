export type { ChainBalances, ChainReadStatus, PortfolioToken, TokenBalance } from './types';
export { httpRpc, RpcResponseError, RpcTimeoutError, RpcUnreachableError, type ChainRpc, type RpcCall, type RpcCallResult } from './rpc';
export { multicall3Abi, erc20BalanceOfAbi } from './multicall3';
export {
  readBalances,
  ReadBalancesAbortedError,
  ReadBalancesError,
  type BalanceChain,
  type Multicall3Presence,
  type ReadBalancesParameters,
  type ReadBalancesReturnType,
} from './readBalances';
export { readPortfolio, type PortfolioRead, type ReadPortfolioParameters } from './readPortfolio';
export { collectTokens, parseTokenList, tokenFromList, tokensOfChain, TokenListError, type TokenList, type TokenListToken } from './tokenList';
export { tokenFromWatchAsset, WatchAssetError } from './watchAsset';
export {
  devnetOraclePriceSource,
  firstPriceOf,
  ORACLE_NATIVE,
  priceKey,
  priceOracleAbi,
  type DevnetOraclePriceSourceParameters,
  type Price,
  type PriceBook,
  type PriceQuery,
  type PriceSource,
} from './prices';
export {
  aggregateBalances,
  assetKeyOf,
  priceQueriesFor,
  type AggregateBalancesParameters,
  type AssetTotal,
  type BalanceProof,
  type BalanceRow,
  type ChainTotal,
  type PortfolioTotals,
  type ProofBook,
  type ProofStatus,
} from './aggregate';
export { formatUsd, toUsdDecimals, usdValue, USD_DECIMALS } from './usd';
export { proofBookFrom, type ProvenBalances } from './proofBook';
export { rpcFromEip1193, type Eip1193RequestFn } from './rpc';
export { loadPortfolio, portfolioToJson, type LoadedPortfolio, type LoadPortfolioParameters } from './loadPortfolio';
