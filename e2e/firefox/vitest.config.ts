import { defineConfig } from 'vitest/config';
// The root config also installs the Map.groupBy polyfill vitest 5's reporter needs on Node 20.
import base from '../../vitest.config.js';

export default defineConfig({
  test: {
    ...base.test,
    include: ['e2e/firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One Firefox at a time: the machine is shared.
    fileParallelism: false,
  },
});
