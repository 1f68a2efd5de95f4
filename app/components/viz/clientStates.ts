import { formatPercent, isFiniteNumber } from './format';

/** What a virtual client is doing in the current round. */
export type ClientState = 'idle' | 'sampled' | 'training' | 'done' | 'dropped';

export const CLIENT_STATES: readonly ClientState[] = ['idle', 'sampled', 'training', 'done', 'dropped'];

/** Either a sparse map id → state (missing ids are idle) or a dense array indexed by id. */
export type ClientStates = Readonly<Record<number, ClientState>> | readonly (ClientState | undefined)[];

export const STATE_LABEL: Record<ClientState, string> = {
  idle: 'idle',
  sampled: 'sampled, waiting',
  training: 'training',
  done: 'done',
  dropped: 'dropped out',
};

/** A cell's accessible name and tooltip: "Client 2: done, last accuracy 90.0%, attacker". */
export function clientLabel(id: number, state: ClientState, accuracy: number | undefined, malicious: boolean): string {
  const acc = isFiniteNumber(accuracy) ? `, last accuracy ${formatPercent(accuracy)}` : '';
  return `Client ${id}: ${STATE_LABEL[state]}${acc}${malicious ? ', attacker' : ''}`;
}

export function stateOf(states: ClientStates, id: number): ClientState {
  return (states as Readonly<Record<number, ClientState | undefined>>)[id] ?? 'idle';
}

export function countStates(states: ClientStates, numClients: number): Record<ClientState, number> {
  const counts: Record<ClientState, number> = { idle: 0, sampled: 0, training: 0, done: 0, dropped: 0 };
  for (let id = 0; id < numClients; id++) counts[stateOf(states, id)]++;
  return counts;
}

/**
 * Index reached from `index` by a navigation key in a grid of `count` cells laid out in rows of `columns`;
 * null for keys that do not navigate. Movement stops at the edges.
 */
export function gridNavigate(key: string, index: number, count: number, columns: number): number | null {
  const cols = Math.max(1, columns);
  let next: number;
  switch (key) {
    case 'ArrowLeft':
      next = index - 1;
      break;
    case 'ArrowRight':
      next = index + 1;
      break;
    case 'ArrowUp':
      next = index - cols;
      break;
    case 'ArrowDown':
      next = index + cols;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return next >= 0 && next < count ? next : index;
}
