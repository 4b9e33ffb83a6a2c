// Telling the game's other tabs what this one wrote, over BroadcastChannel where the browser has
// it. Another tab uses this to notice that a run it shows is being played elsewhere, and to
// refresh its menus. Messages come from the same origin but are still parsed, never trusted.

export const CHANNEL_NAME = 'ppi-quest';

export type TabMessage =
  | { type: 'save'; profileId: string; scenarioId: string; step: number; savedAt: number }
  | { type: 'save-deleted'; profileId: string; scenarioId: string }
  | { type: 'result'; profileId: string; scenarioId: string; resultId: string }
  | { type: 'profiles' };

type Listener = (message: TabMessage) => void;

export class TabChannel {
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(name: string | null) {
    this.channel = name !== null && typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent) => {
        const message = parseTabMessage(event.data);
        if (message) for (const listener of this.listeners) listener(message);
      };
    }
  }

  get available(): boolean {
    return this.channel !== undefined;
  }

  post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable message: other tabs miss one hint, nothing is lost.
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
  }
}

export function parseTabMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  const str = (k: string) => typeof m[k] === 'string';
  const num = (k: string) => typeof m[k] === 'number' && Number.isFinite(m[k]);
  switch (m.type) {
    case 'save':
      return str('profileId') && str('scenarioId') && num('step') && num('savedAt')
        ? {
            type: 'save',
            profileId: m.profileId as string,
            scenarioId: m.scenarioId as string,
            step: m.step as number,
            savedAt: m.savedAt as number,
          }
        : undefined;
    case 'save-deleted':
      return str('profileId') && str('scenarioId')
        ? { type: 'save-deleted', profileId: m.profileId as string, scenarioId: m.scenarioId as string }
        : undefined;
    case 'result':
      return str('profileId') && str('scenarioId') && str('resultId')
        ? {
            type: 'result',
            profileId: m.profileId as string,
            scenarioId: m.scenarioId as string,
            resultId: m.resultId as string,
          }
        : undefined;
    case 'profiles':
      return { type: 'profiles' };
    default:
      return undefined;
  }
}
