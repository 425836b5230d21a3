/** The dApp log: one JSON line per result or error, in an element tests can read. */
export type LogLine = { action: string; result: unknown } | { action: string; error: { code: number | string | null; message: string } };

export function errorOf(error: unknown): { code: number | string | null; message: string } {
  const e = error as { code?: unknown; message?: unknown; shortMessage?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'number' || typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'number' ? e.cause.code : null;
  const message = typeof e?.shortMessage === 'string' ? e.shortMessage : typeof e?.message === 'string' ? e.message : String(error);
  return { code, message };
}

const stringify = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export function appendLog(line: LogLine): void {
  const log = document.querySelector('[data-testid="dapp-log"]');
  if (!log) return;
  const entry = document.createElement('div');
  entry.dataset.testid = 'dapp-log-entry';
  entry.dataset.action = line.action;
  entry.textContent = stringify(line);
  log.appendChild(entry);
  log.scrollTop = log.scrollHeight;
}

/** Runs one action and logs exactly one line for it, result or error. */
export async function logged<T>(action: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    const result = await run();
    appendLog({ action, result: result === undefined ? null : result });
    return result;
  } catch (error) {
    appendLog({ action, error: errorOf(error) });
    return undefined;
  }
}
