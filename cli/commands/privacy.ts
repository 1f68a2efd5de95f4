import { formatDelta, formatEpsilon } from '../../core/privacy/format';
import { computeEpsilon } from '../../core/privacy/rdp';
import type { PrivacyFlags } from '../flags';
import { PRIVACY_HELP } from '../help';

export function privacyCommand(flags: PrivacyFlags): number {
  if (flags.help) {
    process.stdout.write(PRIVACY_HELP);
    return 0;
  }
  const { q, sigma, steps, delta } = flags;
  const { epsilon, order } = computeEpsilon({ q, noiseMultiplier: sigma, steps, delta });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ epsilon, order })}\n`);
    return 0;
  }
  const setting = `q = ${q}, σ = ${sigma}, ${steps} step${steps === 1 ? '' : 's'}`;
  const why = Number.isFinite(epsilon) ? `best RDP order α = ${order}, ${setting}` : `σ = 0 adds no noise: no finite ε; ${setting}`;
  process.stdout.write(`ε = ${formatEpsilon(epsilon)} at δ = ${formatDelta(delta)} (${why})\n`);
  return 0;
}
