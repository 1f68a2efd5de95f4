import { describe, expect, it } from 'vitest';
import { countStates, gridNavigate, stateOf } from './clientStates';

describe('client states', () => {
  it('reads sparse maps and arrays, defaulting to idle', () => {
    expect(stateOf({ 2: 'training' }, 2)).toBe('training');
    expect(stateOf({ 2: 'training' }, 3)).toBe('idle');
    expect(stateOf(['done', undefined, 'dropped'], 1)).toBe('idle');
    expect(stateOf(['done', undefined, 'dropped'], 2)).toBe('dropped');
  });
  it('counts states over all clients', () => {
    expect(countStates({ 0: 'sampled', 3: 'done', 4: 'done' }, 6)).toEqual({ idle: 3, sampled: 1, training: 0, done: 2, dropped: 0 });
  });
});

describe('gridNavigate', () => {
  it('moves by one or a row and stops at the edges', () => {
    expect(gridNavigate('ArrowRight', 3, 10, 4)).toBe(4);
    expect(gridNavigate('ArrowUp', 5, 10, 4)).toBe(1);
    expect(gridNavigate('ArrowDown', 7, 10, 4)).toBe(7);
    expect(gridNavigate('ArrowLeft', 0, 10, 4)).toBe(0);
    expect(gridNavigate('Home', 6, 10, 4)).toBe(0);
    expect(gridNavigate('End', 6, 10, 4)).toBe(9);
    expect(gridNavigate('a', 6, 10, 4)).toBeNull();
  });
});
