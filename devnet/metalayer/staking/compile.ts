import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';
import { packageDir } from '../testing/packageDir.js';

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

let compiled: Record<string, CompiledContract> | undefined;

type SolcOutput = {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
};

/** Compiles the metalayer's L1 contracts once per process with solc-js (offline), OpenZeppelin imports from node_modules. */
export function compileMetalayerContracts(): Record<string, CompiledContract> {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { compile(input: string, opts: { import(path: string): { contents: string } | { error: string } }): string };
  const ozDir = dirname(dirname(packageDir('@openzeppelin/contracts')));
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([name, file]) => [name, { content: readFileSync(file, 'utf8') }])),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), {
      import(path: string) {
        const file = join(ozDir, path);
        return path.startsWith('@openzeppelin/') && existsSync(file) ? { contents: readFileSync(file, 'utf8') } : { error: `not found: ${path}` };
      },
    }),
  ) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error').map((e) => e.formattedMessage);
  if (errors.length > 0) throw new SolidityCompileError('solc failed', { errors });
  const result: Record<string, CompiledContract> = {};
  for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
    if (!(file in sources)) continue;
    for (const [name, c] of Object.entries(contracts)) result[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` as Hex };
  }
  compiled = result;
  return result;
}

export function compiledContract(name: 'GuardianStaking' | 'TestEra'): CompiledContract {
  const c = compileMetalayerContracts()[name];
  if (!c) throw new SolidityCompileError(`Contract ${name} missing from solc output`, { errors: [] });
  return c;
}
