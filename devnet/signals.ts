import { killAllAnvils } from './anvil.js';
import type { Devnet } from './network.js';

/**
 * Installed before the devnet starts: a signal during startup kills the anvils started so far
 * (synchronously, by pid) and exits; once `ready` is called, a signal stops the devnet cleanly.
 */
export function handleSignals(): { ready(devnet: Devnet, extra?: () => Promise<void>): void } {
  let devnet: Devnet | undefined;
  let extra: () => Promise<void> = async () => {};
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[devnet] ${signal}: stopping…`);
    if (!devnet) {
      killAllAnvils();
      process.exit(130);
    }
    void extra()
      .then(() => devnet!.stop())
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
  return {
    ready(d, e) {
      devnet = d;
      if (e) extra = e;
    },
  };
}
