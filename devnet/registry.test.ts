import { getAddress, getContractAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { deployerAccount } from './accounts.js';
import { DEPLOY_ORDER } from './deploy.js';
import { FULL_CHAIN_IDS, registry } from './registry.js';

describe('src/core/chains/devnet.json', () => {
  it('lists chains 900-904 with the agreed names, frameworks and DA', () => {
    expect(registry.chains.map((c) => [c.chainId, c.name, c.framework, c.da])).toEqual([
      [900, 'Caldera Devnet L1', 'l1', 'ethereum'],
      [901, 'ERA Devnet OP', 'op-stack', 'celestia'],
      [902, 'ERA Devnet Orbit', 'arbitrum-orbit', 'anytrust'],
      [903, 'ERA Devnet Orbit USDC', 'arbitrum-orbit', 'eigenda'],
      [904, 'ERA Devnet ZK', 'zk-stack', 'ethereum'],
    ]);
    expect(registry.chains.map((c) => c.chainId)).toEqual([...FULL_CHAIN_IDS]);
    expect(JSON.stringify(registry)).not.toMatch(/127\.0\.0\.1|localhost|rpcUrl/);
  });

  it('records the addresses the fixed deployer creates with nonces 0..5', () => {
    expect(registry.deployer).toBe(deployerAccount.address);
    DEPLOY_ORDER.forEach((item, nonce) => {
      const expected = getContractAddress({ from: deployerAccount.address, nonce: BigInt(nonce) });
      for (const chain of registry.chains) {
        if (item === 'PriceOracle') expect(chain.contracts.priceOracle).toBe(expected);
        else {
          const token = chain.tokens.find((t) => t.symbol === item);
          if (chain.nativeCurrency.symbol === item) expect(token).toBeUndefined();
          else expect(token?.address).toBe(expected);
        }
      }
    });
  });

  it('uses checksummed addresses, OZ balances slot 0, and the framework contracts at their real addresses', () => {
    for (const chain of registry.chains) {
      for (const t of chain.tokens) {
        expect(t.address).toBe(getAddress(t.address));
        expect(t.balancesSlot).toBe(0);
      }
      expect(chain.contracts.multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
    }
    expect(registry.chains[1]!.contracts).toMatchObject({
      gasPriceOracle: '0x420000000000000000000000000000000000000F',
      l2ToL1MessagePasser: '0x4200000000000000000000000000000000000016',
    });
    for (const chainId of [902, 903])
      expect(registry.chains.find((c) => c.chainId === chainId)!.contracts).toMatchObject({
        arbSys: '0x0000000000000000000000000000000000000064',
        arbGasInfo: '0x000000000000000000000000000000000000006C',
        nodeInterface: '0x00000000000000000000000000000000000000C8',
      });
    expect(registry.genesisGuardianSetHash).toMatch(/^0x[0-9a-f]{64}$/);
  });
});
