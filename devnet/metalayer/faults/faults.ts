/** The devnet's misbehaviour switches (spec D). Each is off unless a test turns it on. */
export type Fault =
  /** An RPC proxy that inflates balances (eth_getBalance, ERC-20 balanceOf in eth_call, Multicall3 aggregate3); `proofs` also tampers eth_getProof. */
  | { kind: 'lyingRpc'; chainId: number; proofs?: boolean; factor?: number }
  /** Guardians that also sign a conflicting checkpoint every epoch (served under /alternatives; with `splitView`, also as latest on every other request). */
  | { kind: 'equivocation'; guardians?: number[]; splitView?: boolean }
  /** Guardians that stop signing; by default enough to fall below 2/3 of stake. */
  | { kind: 'offlineGuardians'; guardians?: number[]; publishBelowThreshold?: boolean }
  /** The API serves an old checkpoint as latest (replay). */
  | { kind: 'staleApi'; epoch?: number }
  /** The API serves a checkpoint whose root was changed after signing (the BLS signature no longer matches). */
  | { kind: 'forgedCheckpoint'; chainId?: number }
  /** The API serves a guardian-set update (and checkpoints of that set) signed by too little stake. */
  | { kind: 'weakGuardianSetUpdate' };

export type FaultKind = Fault['kind'];

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
  constructor(message: string, readonly details: { field: string }) {
    super(message);
  }
}

export const FAULT_KINDS: readonly FaultKind[] = ['lyingRpc', 'equivocation', 'offlineGuardians', 'staleApi', 'forgedCheckpoint', 'weakGuardianSetUpdate'];

function intArray(value: unknown, field: string): number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v) && v >= 0 && v < 1024))
    throw new FaultSpecError(`${field} must be an array of guardian indices`, { field });
  return value as number[];
}

function optionalInt(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new FaultSpecError(`${field} must be a non-negative integer`, { field });
  return value as number;
}

/** Validates a fault from JSON (POST /admin/faults); throws FaultSpecError on anything unexpected. */
export function parseFault(json: unknown): Fault {
  if (typeof json !== 'object' || json === null) throw new FaultSpecError('fault must be an object', { field: '' });
  const o = json as Record<string, unknown>;
  const kind = o.kind as FaultKind;
  if (!FAULT_KINDS.includes(kind)) throw new FaultSpecError(`kind must be one of ${FAULT_KINDS.join(', ')}`, { field: 'kind' });
  switch (kind) {
    case 'lyingRpc': {
      const chainId = optionalInt(o.chainId, 'chainId');
      if (chainId === undefined) throw new FaultSpecError('chainId is required', { field: 'chainId' });
      if (o.proofs !== undefined && typeof o.proofs !== 'boolean') throw new FaultSpecError('proofs must be a boolean', { field: 'proofs' });
      const factor = optionalInt(o.factor, 'factor');
      if (factor !== undefined && factor < 2) throw new FaultSpecError('factor must be ≥ 2', { field: 'factor' });
      return { kind, chainId, proofs: o.proofs === true, factor: factor ?? 10 };
    }
    case 'equivocation':
      if (o.splitView !== undefined && typeof o.splitView !== 'boolean') throw new FaultSpecError('splitView must be a boolean', { field: 'splitView' });
      return { kind, guardians: intArray(o.guardians, 'guardians') ?? [0], splitView: o.splitView === true };
    case 'offlineGuardians': {
      if (o.publishBelowThreshold !== undefined && typeof o.publishBelowThreshold !== 'boolean')
        throw new FaultSpecError('publishBelowThreshold must be a boolean', { field: 'publishBelowThreshold' });
      const guardians = intArray(o.guardians, 'guardians');
      return { kind, ...(guardians ? { guardians } : {}), publishBelowThreshold: o.publishBelowThreshold === true };
    }
    case 'staleApi': {
      const epoch = optionalInt(o.epoch, 'epoch');
      return epoch === undefined ? { kind } : { kind, epoch };
    }
    case 'forgedCheckpoint': {
      const chainId = optionalInt(o.chainId, 'chainId');
      return chainId === undefined ? { kind } : { kind, chainId };
    }
    case 'weakGuardianSetUpdate':
      return { kind };
  }
}

/** The active faults, shared by the guardian network, the API and the RPC proxies. */
export class FaultSwitchboard {
  #faults: Fault[] = [];
  readonly #listeners = new Set<(faults: readonly Fault[]) => void>();

  list(): readonly Fault[] {
    return this.#faults;
  }

  /** Turns a fault on; a fault of the same kind (and chain, for lyingRpc) replaces the previous one. */
  set(fault: Fault): void {
    this.#faults = [...this.#faults.filter((f) => !sameSlot(f, fault)), fault];
    this.#emit();
  }

  clear(kind?: FaultKind): void {
    this.#faults = kind ? this.#faults.filter((f) => f.kind !== kind) : [];
    this.#emit();
  }

  get<K extends FaultKind>(kind: K): Extract<Fault, { kind: K }> | undefined {
    return this.#faults.find((f) => f.kind === kind) as Extract<Fault, { kind: K }> | undefined;
  }

  lyingRpc(chainId: number): Extract<Fault, { kind: 'lyingRpc' }> | undefined {
    return this.#faults.find((f): f is Extract<Fault, { kind: 'lyingRpc' }> => f.kind === 'lyingRpc' && f.chainId === chainId);
  }

  onChange(listener: (faults: readonly Fault[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const l of this.#listeners) l(this.#faults);
  }
}

function sameSlot(a: Fault, b: Fault): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'lyingRpc' || a.chainId === (b as typeof a).chainId;
}
