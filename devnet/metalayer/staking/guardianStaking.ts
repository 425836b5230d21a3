import { erc20Abi, getAddress, parseEther, type Address, type Hex } from 'viem';
import { chainClient, deployContract, fundGas, waitMined, type ChainClient } from '../chainClient.js';
import type { GuardianKeys } from '../guardians/keys.js';
import { compiledContract } from './compile.js';

/** Default slash share (spec A5: configurable 10–50%, devnet default 50%) and reporter reward (share of the slashed amount). */
export const DEFAULT_SLASH_BPS = 5000;
export const DEFAULT_REPORTER_REWARD_BPS = 5000;

export type StakingDeployment = { staking: Address; era: Address; slashBps: number; reporterRewardBps: number };

export async function deployGuardianStaking(
  client: ChainClient,
  opts: { era: Address; networkId: number; slashBps?: number; reporterRewardBps?: number },
): Promise<StakingDeployment> {
  const slashBps = opts.slashBps ?? DEFAULT_SLASH_BPS;
  const reporterRewardBps = opts.reporterRewardBps ?? DEFAULT_REPORTER_REWARD_BPS;
  const c = compiledContract('GuardianStaking');
  const staking = await deployContract(client, c.abi, c.bytecode, [opts.era, opts.networkId, slashBps, reporterRewardBps]);
  return { staking, era: opts.era, slashBps, reporterRewardBps };
}

/** Deploys the metalayer's own ERA stand-in (tests, or when the devnet passes no ERA token). */
export async function deployTestEra(client: ChainClient, supply = parseEther('100000000')): Promise<Address> {
  const c = compiledContract('TestEra');
  return deployContract(client, c.abi, c.bytecode, [client.account.address, supply]);
}

/** Stake of guardian slot i: 1000–1750 ERA, uneven on purpose so thresholds are about stake, not head count. */
export function guardianStake(slot: number, unit = parseEther('1000')): bigint {
  return (unit * BigInt(4 + (slot % 4))) / 4n;
}

export type EraSource =
  /** The token's holder signs with a key we have (our own TestEra deployer). */
  | { kind: 'client'; client: ChainClient }
  /** A holder whose key we do not have, driven through anvil impersonation (H3a's ERA on the devnet L1). */
  | { kind: 'impersonate'; holder: Address };

/** Sends one ERA transfer with an explicit nonce (so a batch can be in flight at once) and returns its hash. */
async function sendEraTransfer(l1: ChainClient, era: Address, source: EraSource, to: Address, amount: bigint, nonce: number): Promise<Hex> {
  if (source.kind === 'client') {
    return source.client.wallet.writeContract({ address: era, abi: erc20Abi, functionName: 'transfer', args: [to, amount], nonce, gas: 100_000n } as never);
  }
  return (await l1.public.request({
    method: 'eth_sendTransaction' as never,
    params: [{ from: source.holder, to: era, data: encodeTransfer(to, amount), nonce: `0x${nonce.toString(16)}`, gas: '0x186a0' }] as never,
  })) as Hex;
}

function encodeTransfer(to: Address, amount: bigint): Hex {
  return `0xa9059cbb${to.slice(2).toLowerCase().padStart(64, '0')}${amount.toString(16).padStart(64, '0')}` as Hex;
}

/**
 * Each guardian gets ERA and gas, approves and calls register(blsPubkey, stake) from its own ECDSA key,
 * so the L1 contract binds ECDSA address, BLS key and stake. Returns the stakes read back from L1.
 */
export async function registerGuardians(params: {
  l1: ChainClient;
  staking: StakingDeployment;
  source: EraSource;
  guardians: readonly { keys: GuardianKeys; stake: bigint }[];
  concurrency?: number;
}): Promise<bigint[]> {
  const { l1, staking, source, guardians } = params;
  const c = compiledContract('GuardianStaking');
  if (source.kind === 'impersonate') await l1.public.request({ method: 'anvil_impersonateAccount' as never, params: [source.holder] as never });
  // Transfers from one holder are sequential (one nonce); registrations then run in parallel per guardian.
  const concurrency = params.concurrency ?? 64;
  for (let i = 0; i < guardians.length; i += concurrency) {
    await Promise.all(guardians.slice(i, i + concurrency).map((g) => fundGas(l1, g.keys.ecdsa, parseEther('10'))));
  }
  const holder = source.kind === 'client' ? source.client.account.address : source.holder;
  for (let i = 0; i < guardians.length; i += concurrency) {
    // Consecutive nonces sent together; anvil mines them in nonce order.
    const nonce = await l1.public.getTransactionCount({ address: holder, blockTag: 'pending' });
    const hashes = await Promise.all(
      guardians.slice(i, i + concurrency).map((g, j) => sendEraTransfer(l1, staking.era, source, g.keys.ecdsa, g.stake, nonce + j)),
    );
    await Promise.all(hashes.map((h) => waitMined(l1, h)));
  }
  if (source.kind === 'impersonate') await l1.public.request({ method: 'anvil_stopImpersonatingAccount' as never, params: [source.holder] as never });
  // Fees, nonces and gas are set here so each guardian's approve and register go out together (no estimates).
  const fees = await l1.public.estimateFeesPerGas();
  for (let i = 0; i < guardians.length; i += concurrency) {
    await Promise.all(
      guardians.slice(i, i + concurrency).map(async (g) => {
        const gc = chainClient(l1.chainId, l1.rpcUrl, g.keys.ecdsaPrivateKey);
        const nonce = await gc.public.getTransactionCount({ address: gc.account.address, blockTag: 'pending' });
        const common = { maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas };
        const hashes = await Promise.all([
          gc.wallet.writeContract({ address: staking.era, abi: erc20Abi, functionName: 'approve', args: [staking.staking, g.stake], nonce, gas: 100_000n, ...common } as never),
          gc.wallet.writeContract({ address: staking.staking, abi: c.abi, functionName: 'register', args: [g.keys.blsPubkey, g.stake], nonce: nonce + 1, gas: 400_000n, ...common } as never),
        ]);
        for (const h of hashes) await waitMined(gc, h);
      }),
    );
  }
  return readStakes(l1, staking.staking, guardians.map((g) => g.keys.ecdsa));
}

export async function readStakes(l1: ChainClient, staking: Address, guardians: readonly Address[]): Promise<bigint[]> {
  const c = compiledContract('GuardianStaking');
  return Promise.all(
    guardians.map((g) => l1.public.readContract({ address: staking, abi: c.abi, functionName: 'stakeOf', args: [getAddress(g)] }) as Promise<bigint>),
  );
}
