const frameworkLabel: Record<string, string> = {
  l1: 'L1',
  'op-stack': 'OP Stack',
  'arbitrum-orbit': 'Orbit',
  'zk-stack': 'ZK Stack',
};

/** A stable colour per chain id, so a chain is recognisable at a glance. */
function chainColour(chainId: number): string {
  return `hsl(${(chainId * 137) % 360} 65% 52%)`;
}

export type ChainChipProps = { chainId: number; name?: string; framework?: string; online?: boolean };

export function ChainChip({ chainId, name, framework, online = true }: ChainChipProps) {
  return (
    <span className={`chain-chip${online ? '' : ' chain-offline'}`} title={`${name ?? 'Chain'} (chain id ${chainId})`}>
      <span className="chain-dot" style={{ background: chainColour(chainId) }} aria-hidden="true" />
      <span className="chain-name">{name ?? `Chain ${chainId}`}</span>
      {framework && <span className="chain-framework">{frameworkLabel[framework] ?? framework}</span>}
      {!online && <span className="chain-framework">offline</span>}
    </span>
  );
}
