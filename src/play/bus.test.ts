import { describe, expect, it } from 'vitest';
import { GameBus } from './bus';

describe('game bus', () => {
  it('delivers typed events to listeners until they are removed by reference', () => {
    const bus = new GameBus();
    const seen: (string | null)[] = [];
    const listener = ({ scenarioId }: { scenarioId: string | null }) => seen.push(scenarioId);
    bus.on('place:hover', listener);
    bus.emit('place:hover', { scenarioId: 'a' });
    bus.off('place:hover', listener);
    bus.emit('place:hover', { scenarioId: 'b' });
    expect(seen).toEqual(['a']);
    expect(bus.listenerCount()).toBe(0);
  });

  it('lets a listener remove itself while an event is delivered', () => {
    const bus = new GameBus();
    const calls: string[] = [];
    const off = bus.on('scene:ready', () => {
      calls.push('first');
      off();
    });
    bus.on('scene:ready', () => calls.push('second'));
    bus.emit('scene:ready', { scene: 'city' });
    bus.emit('scene:ready', { scene: 'city' });
    expect(calls).toEqual(['first', 'second', 'second']);
    expect(bus.listenerCount('scene:ready')).toBe(1);
  });
});
