import type { Approval, ApprovalWarning } from '../walletApi';

/**
 * Checks the window repeats on its own (fail closed even if the background missed one):
 * a SIWE domain that is not the requesting site blocks; typed data for another chain warns.
 */
export function localChecks(approval: Approval): { warnings: ApprovalWarning[]; blocked: { code: string; message: string } | null } {
  const warnings: ApprovalWarning[] = [];
  let blocked: { code: string; message: string } | null = null;
  if (approval.kind === 'personal_sign' && approval.params.siwe) {
    const host = hostOf(approval.origin);
    if (approval.params.siwe.domain !== host) {
      blocked = {
        code: 'siwe_domain_mismatch',
        message: `This sign-in message is for ${approval.params.siwe.domain}, but the request comes from ${host ?? approval.origin}. Signing it could let this site log in to your account elsewhere.`,
      };
    }
  }
  if (approval.kind === 'typed_data') {
    const chainId = approval.params.domain.chainId;
    if (chainId !== undefined && Number(chainId) !== approval.chainId) {
      warnings.push({ code: 'typed_data_chain_mismatch', severity: 'danger', message: `This signature is for chain ${chainId}, but the site is on chain ${approval.chainId}.` });
    }
  }
  return { warnings, blocked };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
