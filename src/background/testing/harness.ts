import 'fake-indexeddb/auto';
import { startBackground } from '../index';
import { memoryPlatform, type MemoryPlatform } from './memoryPlatform';

export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
export const ADDR0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ADDR1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const PASSWORD = 'blue-otter-42';

/** Answers are JSON read field by field in tests; `any` keeps the assertions short. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

let dbSeq = 0;

/** A background on the in-memory platform and fake-indexeddb; `restart()` simulates a worker restart. */
export async function startTestBackground(opts: { platform?: MemoryPlatform; dbName?: string; iterations?: number } = {}) {
  const platform = opts.platform ?? memoryPlatform();
  const dbName = opts.dbName ?? `test-wallet-${process.pid}-${++dbSeq}-${Math.random()}`;
  const bg = startBackground(platform, { dbName, iterations: opts.iterations ?? 1000 });
  const services = await bg.ready;
  const call = async (type: string, input?: unknown) => (await platform.sendMessage({ type, input })) as { result?: Json; error?: Json };
  return { platform, dbName, bg, services, call };
}

export async function restart(prev: Awaited<ReturnType<typeof startTestBackground>>, iterations?: number) {
  // A new worker: same storage areas and database, fresh memory and listeners.
  const fresh = memoryPlatform({ local: prev.platform.local as never, session: prev.platform.session as never, devnetApi: prev.platform.defaultDevnetApi });
  fresh.clock.now = prev.platform.clock.now;
  fresh.alarmsSet.clear();
  for (const [k, v] of prev.platform.alarmsSet) fresh.alarmsSet.set(k, v);
  for (const [k, v] of prev.platform.windowsOpen) fresh.windowsOpen.set(k, v);
  return startTestBackground({ platform: fresh, dbName: prev.dbName, iterations: iterations ?? 1000 });
}
