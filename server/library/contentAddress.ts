// Experiments are content-addressed: the same config (whatever its name) is one experiment.
import { createHash } from 'node:crypto';
import type { ExperimentConfig } from '../../core/config/schema';

/** JSON with object keys sorted at every level (arrays keep their order); undefined members are left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical JSON of the parsed config without `name`. */
export function experimentId(config: ExperimentConfig): string {
  const { name: _name, ...rest } = config;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}
