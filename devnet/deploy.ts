import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  numberToHex,
  pad,
  parseUnits,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
  type Account,
} from 'viem';
import { deployerAccount, testAccounts } from './accounts.js';
import type { CompiledContracts } from './contracts/compile.js';
import { registry, type RegistryChain } from './registry.js';

export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** Token amounts each test account holds at start, in whole units. */
export const TEST_ACCOUNT_TOKEN_UNITS: Record<string, string> = { USDC: '1000000', USDT: '1000000', DAI: '1000000', WETH: '100', ERA: '100000' };
const DEPLOYER_TOKEN_UNITS = '1000000000';
/** Also the faucet's reserve (native coins are sent by transfer): above its 10^12-unit cap. */
const DEPLOYER_NATIVE_WEI = 10n ** 33n;

/** USD prices with 8 decimals (PriceOracle.decimals). */
export const DEVNET_PRICES_USD: Record<string, string> = { ETH: '3000', WETH: '3000', USDC: '1', USDT: '1', DAI: '1', ERA: '2.5' };

/** Deploy order fixes the deployer nonces, hence the addresses recorded in devnet.json. */
export const DEPLOY_ORDER = ['USDC', 'USDT', 'DAI', 'WETH', 'ERA', 'PriceOracle'] as const;

/** L1 fee parameters the OP and Orbit system contracts report. */
export const L1_FEE_PARAMS = {
  l1BaseFee: 10_000_000_000n, // 10 gwei
  blobBaseFee: 1n,
  baseFeeScalar: 1368n,
  blobBaseFeeScalar: 810_949n,
  arbMinimumGasPrice: 10_000_000n, // 0.01 gwei
};

export type DevnetChainClients = {
  chain: Chain;
  public: PublicClient<Transport, Chain>;
  deployer: WalletClient<Transport, Chain, Account>;
};

export function chainClients(entry: RegistryChain, rpcUrl: string): DevnetChainClients {
  const chain = defineChain({
    id: entry.chainId,
    name: entry.name,
    nativeCurrency: entry.nativeCurrency,
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS } },
  });
  // Anvil mines instantly: poll fast, and never retry (a dead anvil should fail now).
  const transport = http(rpcUrl, { retryCount: 0 });
  return {
    chain,
    public: createPublicClient({ chain, transport, pollingInterval: 20 }),
    deployer: createWalletClient({ chain, transport, account: deployerAccount, pollingInterval: 20 }),
  };
}

type AnvilRequest = (method: string, params: unknown[]) => Promise<unknown>;

function anvilRequest(clients: DevnetChainClients): AnvilRequest {
  return (method, params) => clients.public.request({ method: method as never, params: params as never });
}

const slot = (n: number) => pad(numberToHex(n), { size: 32 });
const word = (v: bigint) => pad(numberToHex(v), { size: 32 });

/** Places code (and initial storage) at a fixed address, as a genesis predeploy would. */
async function placeCode(rpc: AnvilRequest, address: Address, code: Hex, storage: [number, bigint][] = []): Promise<void> {
  await rpc('anvil_setCode', [address, code]);
  for (const [index, value] of storage) await rpc('anvil_setStorageAt', [address, slot(index), word(value)]);
}

/** Multicall3 everywhere; OP Stack or Arbitrum system contracts at their real addresses. */
export async function placePredeploys(clients: DevnetChainClients, entry: RegistryChain, compiled: CompiledContracts): Promise<void> {
  const rpc = anvilRequest(clients);
  const code = (name: string) => {
    const c = compiled[name];
    if (!c) throw new Error(`contract ${name} was not compiled`);
    return c.deployedBytecode;
  };
  await placeCode(rpc, MULTICALL3_ADDRESS, code('Multicall3'));
  const p = L1_FEE_PARAMS;
  if (entry.framework === 'op-stack') {
    const c = entry.contracts;
    await placeCode(rpc, c.l1Block!, code('L1Block'), [
      [0, 1n], // L1 block number
      [1, BigInt(Math.floor(Date.UTC(2026, 0, 1) / 1000))],
      [2, p.l1BaseFee],
      [4, p.blobBaseFee],
      [5, p.baseFeeScalar],
      [6, p.blobBaseFeeScalar],
    ]);
    await placeCode(rpc, c.gasPriceOracle!, code('GasPriceOracle'));
    await placeCode(rpc, c.l2ToL1MessagePasser!, code('L2ToL1MessagePasser'));
  }
  if (entry.framework === 'arbitrum-orbit') {
    const c = entry.contracts;
    await placeCode(rpc, c.arbSys!, code('ArbSys'));
    await placeCode(rpc, c.arbGasInfo!, code('ArbGasInfo'), [
      [0, p.l1BaseFee],
      [1, p.l1BaseFee],
      [2, p.arbMinimumGasPrice],
    ]);
    await placeCode(rpc, c.nodeInterface!, code('NodeInterface'));
  }
}

/**
 * Deploys the tokens and the price oracle from the fixed deployer with nonces 0..5, so the addresses
 * equal those in devnet.json. On a chain whose native currency is a listed token (903: USDC), that
 * nonce is spent on a 0-value self-transfer instead, which keeps every other address aligned.
 */
export async function deployContracts(clients: DevnetChainClients, entry: RegistryChain, compiled: CompiledContracts): Promise<Record<string, Address>> {
  const rpc = anvilRequest(clients);
  await rpc('anvil_setBalance', [deployerAccount.address, numberToHex(DEPLOYER_NATIVE_WEI)]);
  const startNonce = await clients.public.getTransactionCount({ address: deployerAccount.address });
  if (startNonce !== 0) throw new Error(`chain ${entry.chainId}: deployer nonce is ${startNonce}, expected a fresh chain`);
  const holders = testAccounts().map((a) => a.address);
  const deployed: Record<string, Address> = {};
  const hashes: Hex[] = [];
  const meta = (symbol: string) => registry.chains.flatMap((c) => c.tokens).find((t) => t.symbol === symbol)!;
  for (const [nonce, item] of DEPLOY_ORDER.entries()) {
    const token = entry.tokens.find((t) => t.symbol === item);
    const tx = { nonce, gas: 3_000_000n } as const;
    if (item === 'PriceOracle') {
      const tokens: Address[] = [registry.nativeTokenAddress];
      const prices: bigint[] = [parseUnits(DEVNET_PRICES_USD[entry.nativeCurrency.symbol] ?? '0', 8)];
      for (const t of entry.tokens) {
        tokens.push(t.address);
        prices.push(parseUnits(DEVNET_PRICES_USD[t.symbol] ?? '0', 8));
      }
      const c = compiled.PriceOracle!;
      hashes.push(await clients.deployer.deployContract({ abi: c.abi, bytecode: c.bytecode, args: [deployerAccount.address, tokens, prices], ...tx }));
      continue;
    }
    if (!token) {
      hashes.push(await clients.deployer.sendTransaction({ to: deployerAccount.address, value: 0n, ...tx }));
      continue;
    }
    const decimals = meta(item).decimals;
    const each = parseUnits(TEST_ACCOUNT_TOKEN_UNITS[item] ?? '0', decimals);
    if (item === 'WETH') {
      const c = compiled.WrappedNative!;
      const value = each * BigInt(holders.length) + parseUnits('1000000', 18);
      hashes.push(await clients.deployer.deployContract({ abi: c.abi, bytecode: c.bytecode, args: [token.name, token.symbol, holders, each], value, ...tx }));
    } else {
      const c = compiled.DevnetToken!;
      const args = [token.name, token.symbol, decimals, holders, each, parseUnits(DEPLOYER_TOKEN_UNITS, decimals)] as const;
      hashes.push(await clients.deployer.deployContract({ abi: c.abi, bytecode: c.bytecode, args, ...tx }));
    }
  }
  const receipts = await Promise.all(hashes.map((hash) => clients.public.waitForTransactionReceipt({ hash, pollingInterval: 20 })));
  receipts.forEach((receipt, i) => {
    const item = DEPLOY_ORDER[i]!;
    if (receipt.status !== 'success') throw new Error(`chain ${entry.chainId}: deploying ${item} reverted`);
    if (receipt.contractAddress) deployed[item] = receipt.contractAddress;
  });
  for (const t of entry.tokens) {
    if (deployed[t.symbol]?.toLowerCase() !== t.address.toLowerCase())
      throw new Error(`chain ${entry.chainId}: ${t.symbol} deployed at ${deployed[t.symbol]}, devnet.json says ${t.address}`);
  }
  return deployed;
}
