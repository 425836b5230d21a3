/** A tiny change signal: services call `changed()`, the UI port and provider events re-read state. */
export type ChangeSignal = { changed(): void; subscribe(listener: () => void): () => void };

export function createChangeSignal(): ChangeSignal {
  const listeners = new Set<() => void>();
  return {
    changed: () => {
      for (const l of listeners) {
        try {
          l();
        } catch (e) {
          console.error('change listener failed', (e as Error).message);
        }
      }
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
