import type { Devnet } from './network.js';

/** Stops the devnet on Ctrl-C / SIGTERM (once), then exits. */
export function stopOnSignals(devnet: Devnet, extra: () => Promise<void> = async () => {}): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[devnet] ${signal}: stopping…`);
    void extra()
      .then(() => devnet.stop())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}
