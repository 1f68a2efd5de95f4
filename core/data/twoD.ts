import { blobs } from './blobs';
import { circles } from './circles';
import { moons } from './moons';
import type { TwoDGenerator, TwoDName } from './points';
import { spiral } from './spiral';
import { xor } from './xor';

/** The 2-D teaching sets by dataset name. */
export const TWO_D_GENERATORS: Record<TwoDName, TwoDGenerator> = { blobs, moons, circles, spiral, xor };
