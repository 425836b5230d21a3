import { afterEach, describe, expect, it } from 'vitest';
import { AnvilNotFoundError, anvilBinary, startAnvil, processAlive } from './anvil.js';

const rpc = async (url: string, method: string, params: unknown[] = []) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await response.json()) as { result: unknown }).result;
};


describe('anvil', () => {
  const saved = process.env.ANVIL_BIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.ANVIL_BIN;
    else process.env.ANVIL_BIN = saved;
  });

  it('finds the binary that @foundry-rs/anvil installs', () => {
    expect(anvilBinary()).toMatch(/anvil(\.exe)?$/);
  });

  it('fails with a clear error when the binary is missing', async () => {
    process.env.ANVIL_BIN = '/nonexistent/anvil';
    expect(() => anvilBinary()).toThrow(AnvilNotFoundError);
    expect(() => anvilBinary()).toThrow(/anvil binary not found.*ANVIL_BIN/);
    await expect(startAnvil({ chainId: 901 })).rejects.toBeInstanceOf(AnvilNotFoundError);
  });

  it('starts a chain that answers with its chain id, and stop() ends the process', async () => {
    const anvil = await startAnvil({ chainId: 4242 });
    try {
      expect(await rpc(anvil.rpcUrl, 'eth_chainId')).toBe('0x1092');
      expect(processAlive(anvil.pid)).toBe(true);
    } finally {
      await anvil.stop();
    }
    expect(processAlive(anvil.pid)).toBe(false);
    await expect(rpc(anvil.rpcUrl, 'eth_chainId')).rejects.toThrow();
  });
});
