import { createServer } from 'node:http';

/** Serves GET /v1/network like the devnet API does (INTERFACES.md), pointing at real anvils. */
export async function startNetworkApi(rollups: { chainId: number; name: string; framework: string; rpcUrl: string }[]) {
  const body = JSON.stringify({
    networkId: 'era-devnet-test',
    genesisGuardianSetHash: '0x' + '11'.repeat(32),
    epochMs: 2000,
    rollups: rollups.map((r) => ({ ...r, da: 'celestia', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, tokens: [] })),
  });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/network') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
