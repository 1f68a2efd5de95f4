import type { StrategyName } from '../../core/config/schema';
import { fedAdagradRule } from '../../core/strategy/fedadagrad';
import { fedAdamRule } from '../../core/strategy/fedadam';
import { FEDAVGM_DEFAULT_LR } from '../../core/strategy/fedavgm';
import { fedYogiRule } from '../../core/strategy/fedyogi';

/** The server learning rate a strategy uses when `strategy.serverLr` is unset (undefined: it has no server step). */
export const SERVER_LR_DEFAULTS: Partial<Record<StrategyName, number>> = {
  fedavgm: FEDAVGM_DEFAULT_LR,
  fedadam: fedAdamRule.defaultLr,
  fedyogi: fedYogiRule.defaultLr,
  fedadagrad: fedAdagradRule.defaultLr,
};
