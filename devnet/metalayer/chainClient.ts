import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
  type Chain,
  type Account,
  type Transport,
  type TransactionReceipt,
  getAddress,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

/** A viem public + wallet client pair for one devnet chain, signing with one local key. */
export type ChainClient = {
  chainId: number;
  rpcUrl: string;
  public: PublicClient<Transport, Chain>;
  wallet: WalletClient<Transport, Chain, Account>;
  account: Account;
};

export class ChainTxError extends Error {
  override name = 'ChainTxError';
  constructor(message: string, readonly details: { chainId: number; hash?: Hex }, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function devnetChain(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: `devnet-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

export function chainClient(chainId: number, rpcUrl: string, privateKey: Hex): ChainClient {
  const chain = devnetChain(chainId, rpcUrl);
  // Small polling interval: anvil mines instantly, viem's default 4 s would dominate every step.
  const transport = http(rpcUrl, { batch: false, retryCount: 0 });
  const account = privateKeyToAccount(privateKey);
  return {
    chainId,
    rpcUrl,
    public: createPublicClient({ chain, transport, pollingInterval: 50 }),
    wallet: createWalletClient({ chain, transport, account, pollingInterval: 50 }),
    account,
  };
}

/** Devnet-only: give an account ETH for gas (anvil cheat code). */
export async function fundGas(client: ChainClient, address: Address, wei = 10n ** 21n): Promise<void> {
  await client.public.request({ method: 'anvil_setBalance' as never, params: [address, `0x${wei.toString(16)}`] as never });
}

/** anvil automines: the receipt is usually there at once, so ask before polling. */
export async function receiptOf(client: ChainClient, hash: Hex, timeoutMs = 30_000): Promise<TransactionReceipt> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const receipt = await client.public.getTransactionReceipt({ hash }).catch(() => null);
    if (receipt) return receipt;
    if (Date.now() > deadline) throw new ChainTxError('No receipt', { chainId: client.chainId, hash });
    await new Promise((r) => setTimeout(r, attempt < 10 ? 5 : 25));
  }
}

export async function waitMined(client: ChainClient, hash: Hex): Promise<void> {
  const receipt = await receiptOf(client, hash);
  if (receipt.status !== 'success') throw new ChainTxError('Transaction reverted', { chainId: client.chainId, hash });
}

export async function deployContract(client: ChainClient, abi: Abi, bytecode: Hex, args: readonly unknown[] = []): Promise<Address> {
  const hash = await client.wallet.deployContract({ abi, bytecode, args } as never);
  const receipt = await receiptOf(client, hash);
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainTxError('Deployment failed', { chainId: client.chainId, hash });
  }
  return getAddress(receipt.contractAddress);
}

export async function writeAndWait(
  client: ChainClient,
  params: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] },
): Promise<Hex> {
  const hash = await client.wallet.writeContract(params as never);
  await waitMined(client, hash);
  return hash;
}
