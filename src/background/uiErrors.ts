import { ChainExistsError, ChainValidationError, UnknownChainError } from '../core/chains';
import { ProviderRpcError } from '../core/rpc';
import {
  InvalidMnemonicError,
  InvalidPrivateKeyError,
  VaultError,
  WeakPasswordError,
} from '../core/vault';
import { DuplicateAccountError, UnknownAccountError } from '../core/vault/keyring';
import { MessageError, type ErrorPayload } from '../messages/MessageError';

/** Maps anything a UI handler threw to the `{ code, message }` the UI sees; internals never leak. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof MessageError) return error.toPayload();
  if (error instanceof InvalidMnemonicError) return { code: 'INVALID_MNEMONIC', message: error.message, details: error.details };
  if (error instanceof WeakPasswordError) return { code: 'WEAK_PASSWORD', message: error.message, details: error.details };
  if (error instanceof InvalidPrivateKeyError) return { code: 'INVALID_PRIVATE_KEY', message: error.message };
  if (error instanceof DuplicateAccountError) return { code: 'DUPLICATE_ACCOUNT', message: error.message, details: error.details };
  if (error instanceof UnknownAccountError) return { code: 'UNKNOWN_ACCOUNT', message: error.message };
  if (error instanceof UnknownChainError) return { code: 'UNKNOWN_CHAIN', message: error.message };
  if (error instanceof ChainValidationError || error instanceof ChainExistsError) return { code: 'INVALID_INPUT', message: error.message };
  if (error instanceof ProviderRpcError) {
    if (error.code === 4901) return { code: 'CHAIN_UNAVAILABLE', message: error.message };
    if (error.code === -32602) return { code: 'INVALID_INPUT', message: error.message };
    return { code: 'INTERNAL', message: error.message };
  }
  if (error instanceof VaultError) return { code: 'INVALID_INPUT', message: error.message };
  console.error('background handler failed:', (error as Error)?.name ?? typeof error);
  return { code: 'INTERNAL', message: 'Internal error' };
}
