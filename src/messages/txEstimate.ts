import { defineMessage } from './defineMessage';
import { readAddress, readDecimalString, readInteger, readObject } from './validation';

/**
 * The fee a `tx/send` with the same input would cost now, from the selected account: the L2 execution
 * fee (gas × maxFeePerGas, an upper bound) and the framework's L1 data fee (OP Stack GasPriceOracle,
 * Arbitrum NodeInterface; '0' elsewhere, with `note`). All amounts are decimal strings in the chain's
 * native base unit. Errors as tx/send: INVALID_ADDRESS, LOCKED, UNKNOWN_CHAIN, CHAIN_UNAVAILABLE, INVALID_INPUT.
 */
export type TxEstimateInput = { chainId: number; to: `0x${string}`; value: string; token?: `0x${string}` };
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
  validate: (input) => {
    const obj = readObject(input);
    const out: TxEstimateInput = {
      chainId: readInteger(obj, 'chainId', 1, Number.MAX_SAFE_INTEGER),
      to: readAddress(obj, 'to'),
      value: readDecimalString(obj, 'value'),
    };
    if (obj.token !== undefined) out.token = readAddress(obj, 'token');
    return out;
  },
});
