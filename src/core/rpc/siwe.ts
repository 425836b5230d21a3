import type { ApprovalBlock, ApprovalWarning, SiweFields } from './approval';

const HEADER = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\S+) wants you to sign in with your Ethereum account:$/;

/** Result of looking at a personal_sign text: not SIWE, or SIWE (possibly malformed) with its fields. */
export type SiweDetection =
  | { kind: 'none' }
  | { kind: 'siwe'; scheme: string | null; fields: SiweFields }
  | { kind: 'malformed'; domain: string; reason: string };

const FIELD_NAMES: Record<string, keyof SiweFields> = {
  URI: 'uri',
  Version: 'version',
  'Chain ID': 'chainId',
  Nonce: 'nonce',
  'Issued At': 'issuedAt',
  'Expiration Time': 'expirationTime',
  'Not Before': 'notBefore',
  'Request ID': 'requestId',
};

/** Detects an EIP-4361 (Sign-In with Ethereum) message by its header line and parses its fields. */
export function detectSiwe(text: string): SiweDetection {
  const lines = text.split('\n');
  const header = HEADER.exec(lines[0]?.trim() ?? '');
  if (!header) return { kind: 'none' };
  const scheme = header[1] ?? null;
  const domain = header[2]!;
  const malformed = (reason: string): SiweDetection => ({ kind: 'malformed', domain, reason });
  const address = lines[1]?.trim() ?? '';
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return malformed('second line must be the address');
  let i = 2;
  if (lines[i] !== '') return malformed('expected an empty line after the address');
  i++;
  let statement: string | null = null;
  if (lines[i] !== undefined && !lines[i]!.startsWith('URI: ')) {
    statement = lines[i]!;
    i++;
    if (lines[i] !== '') return malformed('expected an empty line after the statement');
    i++;
  } else if (lines[i] === '') {
    i++;
  }
  const out: Partial<SiweFields> = { domain, address, statement, resources: [] };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === 'Resources:') {
      for (i++; i < lines.length; i++) {
        if (!lines[i]!.startsWith('- ')) return malformed('resources must be "- " lines');
        out.resources!.push(lines[i]!.slice(2));
      }
      break;
    }
    const sep = line.indexOf(': ');
    const key = sep === -1 ? undefined : FIELD_NAMES[line.slice(0, sep)];
    if (!key) return malformed(`unexpected line "${line.slice(0, 40)}"`);
    const value = line.slice(sep + 2);
    if (key === 'chainId') {
      if (!/^[0-9]{1,15}$/.test(value)) return malformed('Chain ID must be a number');
      out.chainId = Number(value);
    } else {
      (out as Record<string, unknown>)[key] = value;
    }
  }
  for (const req of ['uri', 'version', 'chainId', 'nonce', 'issuedAt'] as const) {
    if (out[req] === undefined) return malformed(`missing ${req}`);
  }
  return {
    kind: 'siwe',
    scheme,
    fields: {
      expirationTime: null,
      notBefore: null,
      requestId: null,
      ...out,
    } as SiweFields,
  };
}

/**
 * Checks a SIWE request against the requesting site. A domain that is not the origin's host is a
 * phishing signal: the request is BLOCKED. Address/chain mismatches only warn.
 */
export function checkSiwe(
  detection: SiweDetection,
  ctx: { origin: string; signer: string; chainId: number; now: number },
): { block: ApprovalBlock | null; warnings: ApprovalWarning[]; fields: SiweFields | null } {
  if (detection.kind === 'none') return { block: null, warnings: [], fields: null };
  const origin = new URL(ctx.origin);
  if (detection.kind === 'malformed') {
    return {
      block: { code: 'siwe_malformed', message: `This looks like a Sign-In with Ethereum message but is malformed (${detection.reason}).` },
      warnings: [],
      fields: null,
    };
  }
  const { fields, scheme } = detection;
  const warnings: ApprovalWarning[] = [];
  let block: ApprovalBlock | null = null;
  if (fields.domain.toLowerCase() !== origin.host.toLowerCase() || (scheme !== null && `${scheme}:` !== origin.protocol)) {
    block = {
      code: 'siwe_domain_mismatch',
      message: `This sign-in request is for "${scheme ? scheme + '://' : ''}${fields.domain}", but it comes from ${ctx.origin}. Signing it could let this site log in to ${fields.domain} as you. Blocked.`,
    };
  }
  if (fields.address.toLowerCase() !== ctx.signer.toLowerCase()) {
    warnings.push({ code: 'siwe_address_mismatch', severity: 'danger', message: `The message names account ${fields.address}, not the signing account ${ctx.signer}.` });
  }
  if (fields.chainId !== ctx.chainId) {
    warnings.push({ code: 'siwe_chain_mismatch', severity: 'warning', message: `The message is for chain ${fields.chainId}; the site is on chain ${ctx.chainId}.` });
  }
  if (fields.expirationTime !== null && Date.parse(fields.expirationTime) < ctx.now) {
    warnings.push({ code: 'siwe_expired', severity: 'warning', message: `The sign-in request expired at ${fields.expirationTime}.` });
  }
  return { block, warnings, fields };
}
