import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { closeServer, listen } from '../api/server.js';

const DAPP_DIR = dirname(fileURLToPath(import.meta.url));

export type DappFiles = Map<string, { type: string; body: string | Uint8Array }>;

/** Bundles the test dApp pages (plain TS and the wagmi page) in memory with esbuild. */
export async function bundleDapp(): Promise<DappFiles> {
  const result = await build({
    entryPoints: { main: join(DAPP_DIR, 'main.ts'), wagmi: join(DAPP_DIR, 'wagmi.ts') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: '/dapp',
    logLevel: 'silent',
    legalComments: 'none',
  });
  const files: DappFiles = new Map();
  for (const out of result.outputFiles) files.set(`/${out.path.split('/').pop()}`, { type: 'text/javascript; charset=utf-8', body: out.contents });
  for (const page of ['index.html', 'wagmi.html'])
    files.set(`/${page}`, { type: 'text/html; charset=utf-8', body: readFileSync(join(DAPP_DIR, page), 'utf8') });
  files.set('/', files.get('/index.html')!);
  return files;
}

/** The dApp's runtime config: the devnet chains and API, served at /config.json. */
export type DappConfig = {
  metalayerApi: string;
  chains: {
    chainId: number;
    name: string;
    rpcUrl: string;
    nativeCurrency: { name: string; symbol: string; decimals: number };
    tokens: { symbol: string; address: string; decimals: number }[];
    mailbox?: string;
    testRecipient?: string;
  }[];
};

export type DappServer = { url: string; close(): Promise<void> };

/** Serves the bundled pages on 127.0.0.1 (one server per origin). */
export async function startDappServer(files: DappFiles, config: () => DappConfig): Promise<DappServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(config()));
      return;
    }
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}/`, close: () => closeServer(server) };
}
