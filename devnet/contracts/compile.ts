import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

export type CompiledContract = { abi: Abi; bytecode: Hex; deployedBytecode: Hex };
export type CompiledContracts = Record<string, CompiledContract>;

export class ContractCompileError extends Error {
  override name = 'ContractCompileError';
  constructor(readonly errors: string[]) {
    super(`solc failed: ${errors[0] ?? 'unknown error'}`);
  }
}

const CONTRACTS_DIR = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(CONTRACTS_DIR, 'out');
const require = createRequire(import.meta.url);
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

/** Our own .sol files; GuardianStaking* belongs to the Metalayer workstream and compiles there. */
function ownSources(): Record<string, { content: string }> {
  const sources: Record<string, { content: string }> = {};
  for (const file of readdirSync(CONTRACTS_DIR).sort()) {
    if (!file.endsWith('.sol') || file.startsWith('GuardianStaking')) continue;
    sources[file] = { content: readFileSync(join(CONTRACTS_DIR, file), 'utf8') };
  }
  return sources;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/** Compiles devnet/contracts with solc-js, cached in devnet/contracts/out by a hash of sources, compiler and settings. */
export function compileContracts(): CompiledContracts {
  return compileSolidityCached('contracts', ownSources());
}

/**
 * Compiles any Solidity sources (OpenZeppelin imports resolved from node_modules), cached on disk
 * under `label` by a hash of the sources, solc and OpenZeppelin versions and the settings.
 */
export function compileSolidityCached(label: string, sources: Record<string, { content: string }>): CompiledContracts {
  const key = createHash('sha256')
    .update(JSON.stringify({ sources, solc: packageVersion('solc'), oz: packageVersion('@openzeppelin/contracts'), SETTINGS }))
    .digest('hex')
    .slice(0, 16);
  const cacheFile = join(OUT_DIR, `${label}-${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as CompiledContracts;
  const solc = require('solc') as { compile(input: string, options: { import(path: string): { contents?: string; error?: string } }): string };
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const findImport = (path: string) => {
    try {
      return { contents: readFileSync(require.resolve(path), 'utf8') };
    } catch {
      return { error: `import not found: ${path}` };
    }
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error').map((e) => e.formattedMessage);
  if (errors.length > 0) throw new ContractCompileError(errors);

  const compiled: CompiledContracts = {};
  for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
    if (!(file in sources)) continue;
    for (const [name, c] of Object.entries(contracts)) {
      compiled[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
    }
  }
  mkdirSync(OUT_DIR, { recursive: true });
  // Write then rename so a concurrent reader never sees half a file.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(compiled));
  renameSync(tmp, cacheFile);
  return compiled;
}

