import type { ChainEntry, FactSource } from './types';

// Every fact below was read on 2026-11-25 from two public registries (via the team's search tool):
//   EL = ethereum-lists/chains `_data/chains/eip155-<id>.json`
//   HL = hyperlane-xyz/hyperlane-registry `chains/<name>/metadata.yaml` (commit noted where it matters)
// A fact only one source states is marked in `caveats`; a fact no source states is left out or 'unknown'.

const el = (id: number, confirms: string[], note?: string): FactSource => ({
  ref: `ethereum-lists/chains _data/chains/eip155-${id}.json`,
  confirms,
  ...(note ? { note } : {}),
});
const hl = (name: string, confirms: string[], note?: string): FactSource => ({
  ref: `hyperlane-xyz/hyperlane-registry chains/${name}/metadata.yaml`,
  confirms,
  ...(note ? { note } : {}),
});

const mainnet = (e: Omit<ChainEntry, 'testnet' | 'devnet' | 'origin' | 'tokens'>): ChainEntry => ({
  ...e,
  testnet: false,
  devnet: false,
  origin: 'builtin',
  tokens: [],
});

/** Public Caldera-built mainnets shipped with the extension (facts cross-checked, see `sources`). */
export const calderaMainnets: readonly ChainEntry[] = [
  mainnet({
    chainId: 33139,
    name: 'ApeChain',
    framework: 'arbitrum-orbit',
    nativeCurrency: { name: 'ApeCoin', symbol: 'APE', decimals: 18 },
    rpcUrls: ['https://rpc.apechain.com/http', 'https://rpc.apechain.com'],
    explorer: { name: 'ApeChain Explorer', url: 'https://apechain.calderaexplorer.xyz' },
    sources: [
      el(33139, ['chainId', 'name', 'nativeCurrency', 'rpcUrls[1]'], 'explorer listed as https://apescan.io'),
      hl('apechain', ['chainId', 'nativeCurrency', 'rpcUrls[0]', 'framework', 'explorer'], 'technicalStack: arbitrumnitro (commit f4809d9); an older version lists APEscan'),
    ],
    caveats: ['DA layer not stated by either source', 'apescan.io is the explorer ethereum-lists names'],
  }),
  mainnet({
    chainId: 169,
    name: 'Manta Pacific',
    framework: 'op-stack',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: ['https://pacific-rpc.manta.network/http'],
    explorer: { name: 'Manta Pacific Explorer', url: 'https://pacific-explorer.manta.network' },
    sources: [
      el(169, ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer']),
      hl('mantapacific', ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer', 'framework'], 'technicalStack: opstack (commit 4ec5f4e)'),
    ],
    caveats: ['DA layer not stated by either source'],
  }),
  mainnet({
    chainId: 7887,
    name: 'Kinto',
    framework: 'arbitrum-orbit',
    nativeCurrency: { name: 'Ethereum', symbol: 'ETH', decimals: 18 },
    rpcUrls: ['https://rpc.kinto.xyz/http', 'https://kinto-mainnet.calderachain.xyz/http'],
    explorer: { name: 'Kinto Explorer', url: 'https://explorer.kinto.xyz' },
    sources: [
      el(7887, ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer']),
      hl('kinto', ['chainId', 'nativeCurrency', 'rpcUrls[1]', 'explorer', 'framework'], 'technicalStack: arbitrumnitro'),
    ],
    caveats: ['DA layer not stated by either source'],
  }),
  mainnet({
    chainId: 1380012617,
    name: 'RARI Chain',
    framework: 'arbitrum-orbit',
    nativeCurrency: { name: 'Ethereum', symbol: 'ETH', decimals: 18 },
    rpcUrls: ['https://mainnet.rpc.rarichain.org/http', 'https://rari.calderachain.xyz/http'],
    explorer: { name: 'RARI Chain Explorer', url: 'https://mainnet.explorer.rarichain.org' },
    sources: [
      el(1380012617, ['chainId', 'nativeCurrency', 'rpcUrls[1]', 'explorer']),
      hl('rarichain', ['chainId', 'nativeCurrency', 'rpcUrls[0]', 'explorer', 'framework'], 'technicalStack: arbitrumnitro; Hyperlane domainId 4280012617 differs from the chain id'),
    ],
    caveats: ['DA layer not stated by either source', 'Hyperlane domain id (4280012617) is not the chain id'],
  }),
  mainnet({
    chainId: 2525,
    name: 'inEVM',
    framework: 'arbitrum-orbit',
    nativeCurrency: { name: 'Injective', symbol: 'INJ', decimals: 18 },
    rpcUrls: ['https://mainnet.rpc.inevm.com/http', 'https://inevm.calderachain.xyz/http'],
    explorer: { name: 'Caldera inEVM Explorer', url: 'https://inevm.calderaexplorer.xyz' },
    sources: [
      el(2525, ['chainId', 'nativeCurrency', 'rpcUrls[0]'], 'no explorer listed'),
      hl('inevm', ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer', 'framework'], 'technicalStack: arbitrumnitro (commit 21f8b0a)'),
    ],
    caveats: ['DA layer not stated by either source', 'explorer only in the Hyperlane registry'],
  }),
  mainnet({
    chainId: 2911,
    name: 'HYCHAIN',
    framework: 'unknown',
    nativeCurrency: { name: 'TOPIA', symbol: 'TOPIA', decimals: 18 },
    rpcUrls: ['https://rpc.hychain.com/http'],
    explorer: { name: 'HYCHAIN Explorer', url: 'https://explorer.hychain.com' },
    sources: [
      el(2911, ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer'], 'parent: L2 of eip155-1, no stack named'),
    ],
    caveats: [
      'not in the Hyperlane registry (no chains/hychain): every fact has one source only',
      'framework not stated by any checked source',
      'DA layer not stated',
    ],
  }),
  mainnet({
    chainId: 478,
    name: 'Form',
    framework: 'op-stack',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: ['https://rpc.form.network/http'],
    explorer: { name: 'Form Explorer', url: 'https://explorer.form.network' },
    sources: [
      el(478, ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer'], 'parent: L2 of eip155-1'),
      hl('form', ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer', 'framework'], 'technicalStack: opstack'),
    ],
    caveats: ['DA layer not stated by either source'],
  }),
];

/**
 * Chains the issue names whose facts the sources contradict: NOT shipped in the registry.
 * Molten: the Hyperlane registry gives chainId 360 (MOLTEN, arbitrumnitro, https://molten.calderachain.xyz/http),
 * but ethereum-lists assigns eip155-360 to Shape, and the Hyperlane registry also lists `shape` at chainId 360.
 */
export const unconfirmedCalderaMainnets: readonly ChainEntry[] = [
  {
    ...mainnet({
      chainId: 360,
      name: 'Molten',
      framework: 'arbitrum-orbit',
      nativeCurrency: { name: 'Molten', symbol: 'MOLTEN', decimals: 18 },
      rpcUrls: ['https://molten.calderachain.xyz/http'],
      explorer: { name: 'Caldera Molten Explorer', url: 'https://molten.calderaexplorer.xyz' },
      sources: [
        hl('molten', ['chainId', 'nativeCurrency', 'rpcUrls', 'explorer', 'framework'], 'commit d4b4801: chainId 360, domainId 360; older commit 47a22ae: domainId 2525'),
        el(360, [], 'eip155-360.json is "Shape" (ETH, https://mainnet.shape.network), not Molten'),
        hl('shape', [], 'the Hyperlane registry also lists Shape with chainId 360'),
      ],
      caveats: ['chain id 360 is contested (Shape holds eip155-360 in ethereum-lists): not shipped'],
    }),
  },
];
