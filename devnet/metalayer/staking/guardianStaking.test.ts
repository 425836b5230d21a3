import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, keccak256, parseEther, toHex, type Address } from 'viem';
import { checkpointSigningRoot, signCheckpoint, type Checkpoint } from '../../../src/core/metalayer/index.js';
import { chainClient, fundGas, type ChainClient } from '../chainClient.js';
import { deriveGuardianKeys, metalayerServiceKey, type GuardianKeys } from '../guardians/keys.js';
import { startAnvil, type LocalAnvil } from '../testing/anvil.js';
import { compiledContract } from './compile.js';
import { deployGuardianStaking, deployTestEra, guardianStake, registerGuardians, readStakes, type StakingDeployment } from './guardianStaking.js';
import { detectEquivocation, type EquivocationReport } from '../../../src/core/verifier/equivocation.js';
import type { GuardianSet, SignedCheckpoint } from '../../../src/core/metalayer/index.js';
import { reportEquivocation } from './reportEquivocation.js';

const SEED = 'staking-test';
const NETWORK_ID = 7;

describe('GuardianStaking on L1', () => {
  let l1: LocalAnvil;
  let deployer: ChainClient;
  let reporter: ChainClient;
  let staking: StakingDeployment;
  let guardians: GuardianKeys[];
  let stakes: bigint[];
  const abi = () => compiledContract('GuardianStaking').abi;

  beforeAll(async () => {
    l1 = await startAnvil(900);
    deployer = chainClient(900, l1.rpcUrl, metalayerServiceKey(SEED, 'deployer'));
    reporter = chainClient(900, l1.rpcUrl, metalayerServiceKey(SEED, 'reporter'));
    await fundGas(deployer, deployer.account.address);
    await fundGas(reporter, reporter.account.address);
    const era = await deployTestEra(deployer);
    staking = await deployGuardianStaking(deployer, { era, networkId: NETWORK_ID });
    guardians = Array.from({ length: 4 }, (_, i) => deriveGuardianKeys(SEED, i));
    stakes = await registerGuardians({
      l1: deployer,
      staking,
      source: { kind: 'client', client: deployer },
      guardians: guardians.map((keys, i) => ({ keys, stake: guardianStake(i) })),
    });
  });

  afterAll(async () => {
    await l1.stop();
  });

  const checkpoint = (root: string, over: Partial<Checkpoint> = {}): Checkpoint => ({
    networkId: NETWORK_ID,
    epoch: 42n,
    timestamp: 1_700_000_000n,
    guardianSetId: 0n,
    aggregateRoot: keccak256(toHex(root)),
    rollupCount: 3,
    ...over,
  });
  const set = (): GuardianSet => ({ id: 0n, guardians: guardians.map((g, i) => ({ index: i, blsPubkey: g.blsPubkey, ecdsa: g.ecdsa, stake: stakes[i]! })) });
  /** The verifier's evidence for guardian `index`, or (when the verifier finds none) a hand-built report to show the contract refuses it. */
  const equivocationReport = (a: SignedCheckpoint, b: SignedCheckpoint, index: number, guardian: Address): EquivocationReport => {
    const found = detectEquivocation(a, b, set())?.reports.find((r) => r.index === index);
    if (found) return found;
    const sigA = a.ecdsaSignatures!.find((s) => s.index === index)!.signature;
    const sigB = b.ecdsaSignatures!.find((s) => s.index === index)!.signature;
    return { guardian, index, a: a.checkpoint, sigA, b: b.checkpoint, sigB };
  };
  const signer = (g: GuardianKeys) => ({ index: g.index, blsSecretKey: g.blsSecretKey, ecdsaSecretKey: g.ecdsaPrivateKey });

  it('registers ECDSA address, BLS key and stake of every guardian', async () => {
    expect(stakes).toEqual(guardians.map((_, i) => guardianStake(i)));
    const bls = await deployer.public.readContract({ address: staking.staking, abi: abi(), functionName: 'blsPubkeyOf', args: [guardians[2]!.ecdsa] });
    expect(bls).toBe(guardians[2]!.blsPubkey);
  });

  it('recomputes the spec A3 signing root on chain', async () => {
    const cp = checkpoint('x');
    const onChain = await deployer.public.readContract({ address: staking.staking, abi: abi(), functionName: 'checkpointSigningRoot', args: [cp] });
    expect(onChain).toBe(checkpointSigningRoot(cp));
  });

  it('slashes 50% of an equivocating guardian and pays half of it to the reporter', async () => {
    const g = guardians[1]!;
    const a = signCheckpoint(checkpoint('honest'), [signer(guardians[0]!), signer(g)], 4);
    const b = signCheckpoint(checkpoint('lie'), [signer(g)], 4);
    expect(detectEquivocation(a, b, set())?.reports.map((r) => r.index)).toEqual([g.index]);
    const before = (await readStakes(deployer, staking.staking, [g.ecdsa]))[0]!;
    await reportEquivocation(reporter, staking.staking, equivocationReport(a, b, g.index, g.ecdsa));
    const after = (await readStakes(deployer, staking.staking, [g.ecdsa]))[0]!;
    expect(after).toBe(before / 2n);
    const reward = await deployer.public.readContract({ address: staking.era, abi: erc20Abi, functionName: 'balanceOf', args: [reporter.account.address] });
    expect(reward).toBe(before / 4n);
    // The same offence cannot be reported twice.
    await expect(reportEquivocation(reporter, staking.staking, equivocationReport(a, b, g.index, g.ecdsa))).rejects.toThrow(/OffenceAlreadyReported/);
  });

  it('refuses evidence that is not an equivocation of that guardian', async () => {
    const g = guardians[0]!;
    const other = guardians[3]!;
    const a = signCheckpoint(checkpoint('one', { epoch: 50n }), [signer(g), signer(other)], 4);
    const sameRoot = signCheckpoint(checkpoint('one', { epoch: 50n }), [signer(g)], 4);
    const otherEpoch = signCheckpoint(checkpoint('two', { epoch: 51n }), [signer(g)], 4);
    const otherSet = signCheckpoint(checkpoint('two', { epoch: 50n, guardianSetId: 1n }), [signer(g)], 4);
    const wrongNet = signCheckpoint(checkpoint('two', { epoch: 50n, networkId: NETWORK_ID + 1 }), [signer(g)], 4);
    const conflicting = signCheckpoint(checkpoint('two', { epoch: 50n }), [signer(g)], 4);
    const cases = [
      [sameRoot, /NotConflicting/],
      [otherEpoch, /NotConflicting/],
      [otherSet, /NotConflicting/],
      [wrongNet, /WrongNetwork/],
    ] as const;
    for (const [b, reason] of cases) {
      await expect(reportEquivocation(reporter, staking.staking, equivocationReport(a, b, g.index, g.ecdsa))).rejects.toThrow(reason);
    }
    // Guardian 3 signed only one of them: naming it with guardian 0's second signature must fail.
    const stolen = { ...equivocationReport(a, conflicting, g.index, g.ecdsa), guardian: other.ecdsa as Address };
    await expect(reportEquivocation(reporter, staking.staking, stolen)).rejects.toThrow(/WrongSigner/);
    const stake = (await readStakes(deployer, staking.staking, [g.ecdsa, other.ecdsa]));
    expect(stake).toEqual([guardianStake(0), guardianStake(3)]);
  });

  it('refuses a slash share outside 10–50%', async () => {
    await expect(deployGuardianStaking(deployer, { era: staking.era, networkId: 1, slashBps: 6000 })).rejects.toThrow(/revert/i);
    await expect(deployGuardianStaking(deployer, { era: staking.era, networkId: 1, slashBps: 999 })).rejects.toThrow(/revert/i);
    const ok = await deployGuardianStaking(deployer, { era: staking.era, networkId: 1, slashBps: 1000 });
    expect(ok.slashBps).toBe(1000);
  });

  it('keeps stake in ERA held by the contract', async () => {
    const held = await deployer.public.readContract({ address: staking.era, abi: erc20Abi, functionName: 'balanceOf', args: [staking.staking] });
    const total = (await readStakes(deployer, staking.staking, guardians.map((g) => g.ecdsa))).reduce((s, x) => s + x, 0n);
    expect(held).toBe(total);
    expect(total).toBeLessThan(parseEther('10000'));
  });
});
