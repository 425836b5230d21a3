/** The devnet's POST /v1/faucet answer (devnet/api/faucet.ts). */
export type FaucetResult = { chainId: number; address: string; token: string; amount: string; decimals: number; txHash: string | null };

export class FaucetError extends Error {
  override name = 'FaucetError';
  constructor(
    message: string,
    readonly details: { status?: number; code?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Asks the local devnet to send test coins (native by default) to `address` on `chainId`; resolves once mined. */
export async function requestFaucet(devnetApi: string, input: { chainId: number; address: string; token?: string }): Promise<FaucetResult> {
  let res: Response;
  try {
    res = await fetch(`${devnetApi.replace(/\/+$/, '')}/v1/faucet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (cause) {
    throw new FaucetError('The devnet faucet is not reachable. Is the devnet running?', {}, { cause });
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | FaucetResult | null;
  if (!res.ok || !body || 'error' in body) {
    const err = body && 'error' in body ? body.error : undefined;
    throw new FaucetError(err?.message ?? `faucet answered HTTP ${res.status}`, { status: res.status, ...(err?.code ? { code: err.code } : {}) });
  }
  return body as FaucetResult;
}
