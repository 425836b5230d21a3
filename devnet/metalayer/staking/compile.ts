import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';
import { compileSolidityCached } from '../../contracts/compile.js';

export type CompiledContract = { abi: Abi; bytecode: Hex };

export class SolidityCompileError extends Error {
  override name = 'SolidityCompileError';
  constructor(message: string, readonly details: { errors: string[] }) {
    super(message);
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const devnetDir = resolve(here, '../..');

/** Sources this module compiles, by the name solc sees. */
const sources = {
  'GuardianStaking.sol': join(devnetDir, 'contracts/GuardianStaking.sol'),
  'TestEra.sol': join(devnetDir, 'metalayer/contracts/TestEra.sol'),
} as const;

/** The metalayer's L1 contracts, compiled with solc-js through the devnet's on-disk compile cache. */
let compiled: Record<string, CompiledContract> | undefined;

export function compileMetalayerContracts(): Record<string, CompiledContract> {
  compiled ??= compileSolidityCached(
    'metalayer',
    Object.fromEntries(Object.entries(sources).map(([name, file]) => [name, { content: readFileSync(file, 'utf8') }])),
  );
  return compiled;
}

export function compiledContract(name: 'GuardianStaking' | 'TestEra'): CompiledContract {
  const c = compileMetalayerContracts()[name];
  if (!c) throw new SolidityCompileError(`Contract ${name} missing from solc output`, { errors: [] });
  return c;
}
