// The attacks FedStudio offers: one line each. The config's attack section, the CLI's --set, the share URL and the
// studio's fields are assembled from this list (core/config/schema.ts, app/lib/fields.ts).
import type { AttackConfig } from './types';
import { findPlugin } from '../plugin';
import { alie } from './alie';
import { backdoor } from './backdoor';
import { freeRider } from './freeRider';
import { gaussian } from './gaussian';
import { inf } from './inf';
import { ipm } from './ipm';
import { labelFlip } from './labelFlip';
import { mimic } from './mimic';
import { none } from './none';
import { optAlie } from './optAlie';
import { optIpm } from './optIpm';
import { scaling } from './scaling';
import { signFlip } from './signFlip';
import type { Attack, AttackEnv, AttackPlugin } from './types';

/** In the studio's order; the first, none, is the default. */
export const ATTACK_PLUGINS = [
  none,
  labelFlip,
  backdoor,
  signFlip,
  gaussian,
  scaling,
  alie,
  ipm,
  freeRider,
  mimic,
  inf,
  optAlie,
  optIpm,
] as const;

/** The plugin attack.kind names. */
export function attackPlugin(kind: string): AttackPlugin {
  return findPlugin<AttackPlugin>(ATTACK_PLUGINS as readonly AttackPlugin[], kind, 'attack');
}

/** The configured attack, bound to its parameters and the run's seed. */
export function createAttack(section: AttackConfig, env: AttackEnv): Attack {
  return attackPlugin(section.kind).create(section as never, env);
}
