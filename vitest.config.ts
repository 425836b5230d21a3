import { defineConfig } from 'vitest/config';

// Node 20 lacks Map.groupBy / Object.groupBy (Node 21+), which vitest 5's reporter uses when a test fails.
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;
const maps = Map as unknown as { groupBy?: GroupBy };
if (typeof maps.groupBy !== 'function') {
  maps.groupBy = (items, key) => {
    const groups = new Map();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      groups.set(k, [...(groups.get(k) ?? []), item]);
    }
    return groups;
  };
}
const objects = Object as unknown as { groupBy?: (items: Iterable<unknown>, key: (item: unknown, index: number) => PropertyKey) => Record<PropertyKey, unknown[]> };
if (typeof objects.groupBy !== 'function') {
  objects.groupBy = (items, key) => Object.fromEntries(maps.groupBy!(items, key));
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'devnet/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
