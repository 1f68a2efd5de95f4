import { defineAttack } from './types';

/** No attack: every client is honest (attack.kind's default). */
export const none = defineAttack({
  name: 'none',
  label: 'None',
  help: 'No malicious clients: every client trains and reports honestly.',
  params: {},
});
