import { defineMessage } from './defineMessage';
import { readAddress, readObject } from './validation';

export type BalancesNativeInput = { address: `0x${string}` };
/** One entry per known chain; `balance` is wei as a decimal string ('0' when offline). */
export type NativeBalance = { chainId: number; balance: string; status: 'ok' | 'offline' };

export const balancesNative = defineMessage<BalancesNativeInput, NativeBalance[]>()({
  type: 'balances/native',
  validate: (input) => ({ address: readAddress(readObject(input), 'address') }),
});
