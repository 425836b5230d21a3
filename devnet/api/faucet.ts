import { erc20Abi, getAddress, isAddress, parseUnits, type Address, type Hex } from 'viem';
import { deployerAccount } from '../accounts.js';
import type { DevnetChainClients } from '../deploy.js';
import { registry, type RegistryChain } from '../registry.js';
import { ApiError, type DevnetApiRouter } from './router.js';

export type FaucetChain = { entry: RegistryChain; clients: DevnetChainClients };

export type FaucetRequest = { chainId: number; address: Address; token?: string; amount?: string };
export type FaucetResult = { chainId: number; address: Address; token: string; tokenAddress: Address | null; amount: string; decimals: number; txHash: Hex | null };

/** Whole units sent when the request names no amount. */
const DEFAULT_UNITS: Record<string, string> = { ETH: '10', WETH: '10', USDC: '1000', USDT: '1000', DAI: '1000', ERA: '1000' };
const MAX_UNITS = 10n ** 12n;

export function parseFaucetRequest(body: unknown): FaucetRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'INVALID_REQUEST', 'body must be a JSON object { chainId, address, token?, amount? }');
  const b = body as Record<string, unknown>;
  const chainId = typeof b.chainId === 'string' ? Number(b.chainId) : b.chainId;
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0)
    throw new ApiError(400, 'INVALID_CHAIN_ID', 'chainId must be a positive integer (number, decimal or 0x string)');
  if (typeof b.address !== 'string' || !isAddress(b.address, { strict: false }))
    throw new ApiError(400, 'INVALID_ADDRESS', 'address must be a 20-byte 0x hex address');
  if (b.token !== undefined && (typeof b.token !== 'string' || b.token.length === 0 || b.token.length > 64))
    throw new ApiError(400, 'INVALID_TOKEN', 'token must be a symbol or a token address');
  if (b.amount !== undefined && (typeof b.amount !== 'string' || !/^\d+(\.\d+)?$/.test(b.amount)))
    throw new ApiError(400, 'INVALID_AMOUNT', 'amount must be a positive decimal string in whole units, e.g. "1.5"');
  return { chainId, address: getAddress(b.address), token: b.token as string | undefined, amount: b.amount as string | undefined };
}

/**
 * POST /v1/faucet: native coins and ERC-20 both by a mined transfer from the deployer. Never a
 * cheat code: anvil_setBalance would change an already checkpointed block in place (spec A6 proofs break).
 */
export function routeFaucet(router: DevnetApiRouter, chains: () => FaucetChain[]): void {
  const queues = new Map<number, Promise<unknown>>();
  router.route('POST', '/v1/faucet', async ({ body }) => {
    const request = parseFaucetRequest(body);
    const chain = chains().find((c) => c.entry.chainId === request.chainId);
    if (!chain) throw new ApiError(404, 'UNKNOWN_CHAIN', `chain ${request.chainId} is not part of this devnet`);
    // One deployer per chain: serialize so concurrent requests never race on its nonce.
    const previous = queues.get(request.chainId) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => fund(chain, request));
    queues.set(request.chainId, run);
    return run;
  });
}

async function fund({ entry, clients }: FaucetChain, request: FaucetRequest): Promise<FaucetResult> {
  const wanted = request.token?.trim();
  const native = entry.nativeCurrency;
  const isNative =
    wanted === undefined ||
    wanted.toLowerCase() === 'native' ||
    wanted.toUpperCase() === native.symbol.toUpperCase() ||
    wanted.toLowerCase() === registry.nativeTokenAddress.toLowerCase();
  const units = (symbol: string) => request.amount ?? DEFAULT_UNITS[symbol] ?? '100';
  if (isNative) {
    const amount = parseAmount(units(native.symbol), native.decimals);
    const available = await clients.public.getBalance({ address: deployerAccount.address });
    if (available <= amount)
      throw new ApiError(503, 'FAUCET_EMPTY', `the faucet holds ${available} wei of ${native.symbol} on chain ${entry.chainId}, less than ${amount} + gas`);
    // On 903 the native coin is USDC: the same value transfer, gas paid in USDC.
    const hash = await clients.deployer.sendTransaction({ to: request.address, value: amount, account: deployerAccount });
    await mined(clients, hash, native.symbol);
    return { chainId: entry.chainId, address: request.address, token: native.symbol, tokenAddress: null, amount: amount.toString(), decimals: native.decimals, txHash: hash };
  }
  const token = entry.tokens.find(
    (t) => t.symbol.toUpperCase() === wanted.toUpperCase() || t.address.toLowerCase() === wanted.toLowerCase(),
  );
  if (!token) {
    const known = [native.symbol, ...entry.tokens.map((t) => t.symbol)].join(', ');
    throw new ApiError(400, 'UNKNOWN_TOKEN', `token "${wanted}" is not on chain ${entry.chainId} (known: ${known})`);
  }
  const amount = parseAmount(units(token.symbol), token.decimals);
  const hash = await clients.deployer.writeContract({
    address: token.address,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [request.address, amount],
    account: deployerAccount,
  });
  await mined(clients, hash, token.symbol);
  return { chainId: entry.chainId, address: request.address, token: token.symbol, tokenAddress: token.address, amount: amount.toString(), decimals: token.decimals, txHash: hash };
}

async function mined(clients: DevnetChainClients, hash: Hex, symbol: string): Promise<void> {
  const receipt = await clients.public.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success') throw new ApiError(500, 'FAUCET_TX_REVERTED', `transfer of ${symbol} reverted (${hash})`);
}

function parseAmount(units: string, decimals: number): bigint {
  const [, fraction = ''] = units.split('.');
  if (fraction.length > decimals) throw new ApiError(400, 'INVALID_AMOUNT', `amount has more than ${decimals} decimals`);
  const amount = parseUnits(units, decimals);
  if (amount <= 0n) throw new ApiError(400, 'INVALID_AMOUNT', 'amount must be greater than 0');
  if (amount > MAX_UNITS * 10n ** BigInt(decimals)) throw new ApiError(400, 'INVALID_AMOUNT', `amount exceeds ${MAX_UNITS} units`);
  return amount;
}
