import { defineMessage } from './defineMessage';
import { readTransferInput, type TxSendInput } from './txSend';

/**
 * The fee a `tx/send` with the same input would cost now, from the selected account: the L2 execution
 * fee (gas × maxFeePerGas, an upper bound) and the framework's L1 data fee (OP Stack GasPriceOracle,
 * Arbitrum NodeInterface; '0' elsewhere, with `note`). All amounts are decimal strings in the chain's
 * native base unit. Errors as tx/send: INVALID_ADDRESS, LOCKED, UNKNOWN_CHAIN, CHAIN_UNAVAILABLE, INVALID_INPUT.
 */
export type TxEstimateInput = TxSendInput;
export type TxEstimateOutput = {
  chainId: number;
  framework: string;
  l2Gas: string;
  maxFeePerGas: string;
  l2FeeWei: string;
  l1FeeWei: string;
  totalWei: string;
  l1Source: 'op-gas-price-oracle' | 'arb-node-interface' | 'none';
  note?: string;
};

export const txEstimate = defineMessage<TxEstimateInput, TxEstimateOutput>()({
  type: 'tx/estimate',
  validate: readTransferInput,
});
