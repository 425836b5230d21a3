// Test support only (Node): a Metalayer API (spec C) over REAL anvil chains, signed by real BLS guardians,
// with switches for what an untrusted API can do (stale latest, equivocation, forgery, hand-over).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Hex } from 'viem';
import {
  buildAggregateTree,
  guardianSetHash,
  guardianSetToJson,
  rollupInclusionToJson,
  signCheckpoint,
  signGuardianSetUpdate,
  signedCheckpointToJson,
  signedGuardianSetUpdateToJson,
  type AggregateTree,
  type RollupHead,
  type SignedCheckpoint,
  type SignedGuardianSetUpdate,
} from '../core/metalayer';
import { makeGuardianSet, type KeyedGuardianSet } from '../core/verifier/guardians.fixture';

export type FixtureChain = { chainId: number; name: string; framework: string; rpcUrl: string };

type Served = { signed: SignedCheckpoint; tree: AggregateTree };

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { server, url: `http://127.0.0.1:${port}` };
}

const close = (server: Server) =>
  new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });

/**
 * Serves /v1/network, /v1/guardian-sets/{id}, /v1/guardian-set-updates, /v1/checkpoints/latest|{epoch}
 * and /v1/checkpoints/{epoch}/rollups/{chainId}. `checkpoint()` signs a new epoch from the chains' latest blocks.
 */
export async function startMetalayerFixture(opts: { networkId: number; chains: FixtureChain[]; guardians?: number; seed?: string }) {
  const sets: KeyedGuardianSet[] = [makeGuardianSet(0n, opts.guardians ?? 4, opts.seed ?? 'bg-guardians')];
  const updates: SignedGuardianSetUpdate[] = [];
  const byEpoch = new Map<bigint, Served>();
  let latest: Served | undefined;
  let epoch = 0n;
  /** What /latest serves instead of the newest (a stale or equivocating API). */
  let latestOverride: Served | undefined;
  const chains = [...opts.chains];

  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const notFound = (res: ServerResponse, code: string) => send(res, 404, { error: { code, message: code } });

  const { server, url } = await listen((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const p = u.pathname;
    let m: RegExpMatchArray | null;
    if (p === '/v1/network') {
      return send(res, 200, {
        networkId: opts.networkId,
        genesisGuardianSetHash: guardianSetHash(sets[0]!.set),
        epochMs: 2000,
        rollups: chains.map((c) => ({ ...c, da: 'celestia', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, tokens: [] })),
      });
    }
    if ((m = p.match(/^\/v1\/guardian-sets\/(\d+)$/))) {
      const s = sets.find((k) => k.set.id === BigInt(m![1]!));
      return s ? send(res, 200, guardianSetToJson(s.set)) : notFound(res, 'GUARDIAN_SET_NOT_FOUND');
    }
    if (p === '/v1/guardian-set-updates') {
      const from = BigInt(u.searchParams.get('fromSetId') ?? '0');
      return send(res, 200, updates.filter((x) => x.update.fromSetId >= from).map(signedGuardianSetUpdateToJson));
    }
    if (p === '/v1/checkpoints/latest') {
      const s = latestOverride ?? latest;
      return s ? send(res, 200, signedCheckpointToJson(s.signed)) : notFound(res, 'CHECKPOINT_NOT_FOUND');
    }
    if ((m = p.match(/^\/v1\/checkpoints\/(\d+)$/))) {
      const s = byEpoch.get(BigInt(m[1]!));
      return s ? send(res, 200, signedCheckpointToJson(s.signed)) : notFound(res, 'CHECKPOINT_NOT_FOUND');
    }
    if ((m = p.match(/^\/v1\/checkpoints\/(\d+)\/rollups\/(\d+)$/))) {
      const e = BigInt(m[1]!);
      const s = latestOverride?.signed.checkpoint.epoch === e ? latestOverride : byEpoch.get(e);
      const chainId = BigInt(m[2]!);
      const head = s?.tree.heads.find((h) => h.chainId === chainId);
      return s && head ? send(res, 200, rollupInclusionToJson({ head, proof: s.tree.proofOf(chainId) })) : notFound(res, 'ROLLUP_NOT_FOUND');
    }
    notFound(res, 'NOT_FOUND');
  });

  const heads = async (): Promise<RollupHead[]> =>
    Promise.all(
      chains.map(async (c) => {
        const b = (await rpc(c.rpcUrl, 'eth_getBlockByNumber', ['latest', false])) as { number: Hex; hash: Hex; stateRoot: Hex };
        return { chainId: BigInt(c.chainId), blockNumber: BigInt(b.number), blockHash: b.hash, stateRoot: b.stateRoot };
      }),
    );

  const sign = (e: bigint, tree: AggregateTree, timestamp: bigint, signerCount?: number): Served => {
    const keyed = sets[sets.length - 1]!;
    const signers = keyed.signers.slice(0, signerCount ?? keyed.signers.length);
    const signed = signCheckpoint(
      { networkId: opts.networkId, epoch: e, timestamp, guardianSetId: keyed.set.id, aggregateRoot: tree.root, rollupCount: tree.heads.length },
      signers,
      keyed.set.guardians.length,
    );
    return { signed, tree };
  };

  return {
    url,
    genesisHash: guardianSetHash(sets[0]!.set),
    networkId: opts.networkId,
    /** Signs a new epoch over the chains' latest blocks and serves it as latest. */
    checkpoint: async (): Promise<SignedCheckpoint> => {
      epoch += 1n;
      const served = sign(epoch, buildAggregateTree(await heads()), BigInt(Math.floor(Date.now() / 1000)));
      byEpoch.set(epoch, served);
      latest = served;
      return served.signed;
    },
    /** Serves an older epoch as latest (a stale or replaying API); undefined restores honesty. */
    serveAsLatest: (e: bigint | undefined) => {
      latestOverride = e === undefined ? undefined : byEpoch.get(e);
    },
    /** The same guardians sign a second checkpoint of the newest epoch (other timestamp), served as latest. */
    equivocate: () => {
      const tree = latest!.tree;
      latestOverride = sign(epoch, tree, latest!.signed.checkpoint.timestamp + 1n);
      return latestOverride.signed;
    },
    /** A checkpoint of a new epoch whose aggregate signature is from too few guardians (below 2/3 stake). */
    underSigned: async () => {
      epoch += 1n;
      latestOverride = sign(epoch, buildAggregateTree(await heads()), BigInt(Math.floor(Date.now() / 1000)), 1);
    },
    /** Hands over to a new set (signed by the current one) activating at the next epoch. */
    handOver: (n = 5) => {
      const from = sets[sets.length - 1]!;
      const next = makeGuardianSet(from.set.id + 1n, n, `${opts.seed ?? 'bg-guardians'}-next`);
      updates.push(
        signGuardianSetUpdate({ networkId: opts.networkId, fromSetId: from.set.id, toSet: next.set, activationEpoch: epoch + 1n }, from.signers, from.set.guardians.length),
      );
      sets.push(next);
    },
    /** Publishes a hand-over signed by one guardian only (below 2/3 stake); checkpoints stay signed by the current set. */
    weakHandOver: () => {
      const from = sets[sets.length - 1]!;
      const next = makeGuardianSet(from.set.id + 1n, 3, `${opts.seed ?? 'bg-guardians'}-weak`);
      updates.push(
        signGuardianSetUpdate({ networkId: opts.networkId, fromSetId: from.set.id, toSet: next.set, activationEpoch: epoch + 1n }, from.signers.slice(0, 1), from.set.guardians.length),
      );
    },
    setRpcUrl: (chainId: number, rpcUrl: string) => {
      const c = chains.find((x) => x.chainId === chainId)!;
      c.rpcUrl = rpcUrl;
    },
    stop: () => close(server),
  };
}

/**
 * A JSON-RPC proxy in front of a real node that can lie: `inflate` adds to every eth_getBalance answer
 * (what a dishonest RPC shows the user), `delayMs` holds every answer (a slow node).
 */
export async function startLyingRpc(target: string) {
  const state = { inflate: 0n, delayMs: 0 };
  const { server, url } = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        let text = await upstream.text();
        if (state.inflate !== 0n) {
          const reqJson = JSON.parse(body) as { method?: string } | { method?: string }[];
          const out = JSON.parse(text) as { result?: unknown } | { result?: unknown }[];
          const fix = (r: { method?: string }, o: { result?: unknown }) => {
            if (r.method === 'eth_getBalance' && typeof o.result === 'string') o.result = `0x${(BigInt(o.result) + state.inflate).toString(16)}`;
          };
          if (Array.isArray(reqJson) && Array.isArray(out)) reqJson.forEach((r, i) => out[i] && fix(r, out[i]!));
          else if (!Array.isArray(reqJson) && !Array.isArray(out)) fix(reqJson, out);
          text = JSON.stringify(out);
        }
        if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
        res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  return { url, state, stop: () => close(server) };
}
