import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileContracts, compileSolidityCached, ContractCompileError } from './compile.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
const label = `test-${process.pid}`;
const source = (n: number) => ({ 'Probe.sol': { content: `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.24;\ncontract Probe { function n() external pure returns (uint256) { return ${n}; } }\n` } });

describe('compileSolidityCached', () => {
  afterAll(() => {
    for (const f of existsSync(OUT) ? readdirSync(OUT) : []) if (f.startsWith(label)) rmSync(join(OUT, f));
  });

  it('compiles our contracts to runtime code for every predeploy', () => {
    const compiled = compileContracts();
    for (const name of ['Multicall3', 'DevnetToken', 'WrappedNative', 'PriceOracle', 'GasPriceOracle', 'L1Block', 'L2ToL1MessagePasser', 'ArbSys', 'ArbGasInfo', 'NodeInterface'])
      expect(compiled[name]?.deployedBytecode).toMatch(/^0x[0-9a-f]{100,}$/);
  });

  it('caches by source hash: the same sources hit the cache, a changed source compiles anew', () => {
    const first = compileSolidityCached(label, source(1));
    const files = readdirSync(OUT).filter((f) => f.startsWith(label));
    expect(files).toHaveLength(1);
    const mtime = statSync(join(OUT, files[0]!)).mtimeMs;
    expect(compileSolidityCached(label, source(1))).toEqual(first);
    expect(statSync(join(OUT, files[0]!)).mtimeMs).toBe(mtime);
    const second = compileSolidityCached(label, source(2));
    expect(second.Probe!.deployedBytecode).not.toBe(first.Probe!.deployedBytecode);
    expect(readdirSync(OUT).filter((f) => f.startsWith(label))).toHaveLength(2);
  });

  it('reports solc errors as ContractCompileError', () => {
    expect(() => compileSolidityCached(label, { 'Bad.sol': { content: 'pragma solidity ^0.8.24; contract Bad { function f() { } ' } })).toThrow(ContractCompileError);
  });
});
