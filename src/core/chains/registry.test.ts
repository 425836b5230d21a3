import { describe, expect, it } from 'vitest';
import { chainFromAddEthereumChain } from './addEthereumChain';
import { calderaMainnets } from './calderaMainnets';
import { ChainExistsError, UnknownChainError } from './errors';
import {
  addUserChain,
  createChainRegistry,
  enabledChains,
  getChain,
  isChainEnabled,
  removeUserChain,
  requireChain,
  setChainEnabled,
  withDevnetChains,
} from './registry';
import type { ChainEntry } from './types';

const devnet = (chainId: number): ChainEntry => ({
  chainId,
  name: `devnet ${chainId}`,
  framework: 'op-stack',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: ['http://127.0.0.1:9000'],
  testnet: true,
  devnet: true,
  tokens: [],
  origin: 'devnet',
});
const user = chainFromAddEthereumChain({
  chainId: '0x2a',
  chainName: 'User chain',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: ['https://rpc.user.example'],
});

describe('chain registry', () => {
  it('holds the mainnets by default, devnet first, and looks chains up by id', () => {
    const r = createChainRegistry({ devnet: [devnet(901), devnet(902)] });
    expect(r.chains.map((c) => c.chainId).slice(0, 2)).toEqual([901, 902]);
    expect(r.chains).toHaveLength(2 + calderaMainnets.length);
    expect(getChain(r, 33139)?.name).toBe('ApeChain');
    expect(getChain(r, 1)).toBeUndefined();
    expect(() => requireChain(r, 1)).toThrow(UnknownChainError);
    // Mainnets are off until the user switches them on; devnet chains are on.
    expect(enabledChains(r).map((c) => c.chainId)).toEqual([901, 902]);
    expect(isChainEnabled(setChainEnabled(r, 33139, true), 33139)).toBe(true);
    expect(createChainRegistry({ disabled: [] }).disabled).toEqual([]);
  });

  it('switches chains off and on without losing them', () => {
    let r = createChainRegistry({ devnet: [devnet(901)], disabled: [] });
    r = setChainEnabled(r, 901, false);
    expect(isChainEnabled(r, 901)).toBe(false);
    expect(enabledChains(r).map((c) => c.chainId)).not.toContain(901);
    expect(getChain(r, 901)).toBeDefined();
    r = setChainEnabled(setChainEnabled(r, 901, false), 901, true);
    expect(isChainEnabled(r, 901)).toBe(true);
    expect(r.disabled).toEqual([]);
    expect(() => setChainEnabled(r, 12345, false)).toThrow(UnknownChainError);
  });

  it('adds wallet_addEthereumChain chains, refuses known ids, and removes only user chains', () => {
    let r = createChainRegistry({ devnet: [devnet(901)] });
    r = addUserChain(r, user);
    expect(getChain(r, 42)?.origin).toBe('user');
    expect(() => addUserChain(r, user)).toThrow(ChainExistsError);
    expect(() => addUserChain(r, { ...user, chainId: 33139 })).toThrow(ChainExistsError);
    const before = r;
    try {
      addUserChain(r, { ...user, chainId: 901 });
    } catch {
      // the registry is a value: a failed add leaves it untouched
    }
    expect(r).toBe(before);
    expect(removeUserChain(r, 33139)).toBe(r);
    expect(getChain(removeUserChain(r, 42), 42)).toBeUndefined();
  });

  it('refreshes devnet entries and keeps user chains and switches', () => {
    let r = addUserChain(createChainRegistry({ devnet: [devnet(901), devnet(902)], disabled: [] }), user);
    r = setChainEnabled(r, 902, false);
    r = setChainEnabled(r, 42, false);
    const fresh = withDevnetChains(r, [{ ...devnet(901), rpcUrls: ['http://127.0.0.1:9999'] }, devnet(902), devnet(903)]);
    expect(getChain(fresh, 901)?.rpcUrls).toEqual(['http://127.0.0.1:9999']);
    expect(getChain(fresh, 903)).toBeDefined();
    expect(getChain(fresh, 42)?.origin).toBe('user');
    expect([...fresh.disabled].sort()).toEqual([42, 902]);
  });

  it('on an id clash devnet beats builtin and builtin beats user', () => {
    const r = createChainRegistry({ devnet: [{ ...devnet(169) }], user: [{ ...user, chainId: 33139 }] });
    expect(getChain(r, 169)?.origin).toBe('devnet');
    expect(getChain(r, 33139)?.origin).toBe('builtin');
  });
});
