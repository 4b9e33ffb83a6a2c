// The one typed event map between the Phaser world and React. Phaser reads game state from the
// play store; what a player does in the canvas comes back through here, and nothing else does.

export interface GameEvents {
  /** The player clicked or tapped a place on the city map. */
  'place:select': { scenarioId: string };
  /** The pointer entered (id) or left (null) a place on the city map. */
  'place:hover': { scenarioId: string | null };
  /** A scene finished drawing and listens to the store. */
  'scene:ready': { scene: 'city' | 'scenario' };
}

export type GameEventName = keyof GameEvents;
type Listener<K extends GameEventName> = (payload: GameEvents[K]) => void;

export class GameBus {
  private readonly listeners = new Map<GameEventName, Set<Listener<never>>>();

  on<K extends GameEventName>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => this.off(name, listener);
  }

  /** Removes a listener by the same function reference it was added with. */
  off<K extends GameEventName>(name: K, listener: Listener<K>): void {
    this.listeners.get(name)?.delete(listener);
  }

  emit<K extends GameEventName>(name: K, payload: GameEvents[K]): void {
    for (const l of [...(this.listeners.get(name) ?? [])]) (l as Listener<K>)(payload);
  }

  listenerCount(name?: GameEventName): number {
    if (name) return this.listeners.get(name)?.size ?? 0;
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }
}
