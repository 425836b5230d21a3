import type { RpcHandler } from '../context';
import { ProviderRpcError } from '../errors';

/** eth_sign signs an arbitrary 32-byte hash (a transaction in disguise): refused outright. */
export const ethSign: RpcHandler = async () => {
  throw new ProviderRpcError(4200, 'eth_sign is disabled in ERA Wallet because it can sign anything; use personal_sign or eth_signTypedData_v4');
};
