import { parseArgs } from 'node:util';
import { startDevnet } from './network.js';
import { handleSignals } from './signals.js';
import { describeDevnet } from './summary.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minimal: { type: 'boolean', default: false },
      seed: { type: 'string' },
      guardians: { type: 'string' },
      'epoch-ms': { type: 'string' },
      'api-port': { type: 'string' },
      manifest: { type: 'string' },
    },
  });
  const signals = handleSignals();
  const devnet = await startDevnet({
    full: !values.minimal,
    seed: values.seed,
    guardians: values.guardians ? Number(values.guardians) : undefined,
    epochMs: values['epoch-ms'] ? Number(values['epoch-ms']) : undefined,
    apiPort: values['api-port'] ? Number(values['api-port']) : undefined,
    manifestPath: values.manifest,
  });
  signals.ready(devnet);
  console.log(describeDevnet(devnet));
  console.log('Press Ctrl-C to stop (every process started here stops with it).');
}

main().catch((error: unknown) => {
  console.error(`[devnet] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
