// The facilitator's own copy of each session, in a small IndexedDB database of its own
// ('ppi-quest-workshops', separate from the player's): the live state as it changes, and every
// export, so the results survive the loss of the hub and can be exported again later.
import Dexie, { type EntityTable } from 'dexie';
import type { FacilitatorState, SessionExport } from './protocol';

export interface WorkshopRecord {
  sessionId: string;
  code: string;
  title: string;
  scenarioTitle: string;
  createdAt: number;
  updatedAt: number;
  /** The latest live state the hub sent. */
  state: FacilitatorState | null;
  /** The latest export the hub sent. */
  export: SessionExport | null;
}

export const WORKSHOPS_DB = 'ppi-quest-workshops';

type WorkshopsDatabase = Dexie & { sessions: EntityTable<WorkshopRecord, 'sessionId'> };

export interface RecordsDependencies {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class WorkshopRecords {
  private readonly db: WorkshopsDatabase;

  constructor(deps?: RecordsDependencies, name = WORKSHOPS_DB) {
    this.db = new Dexie(name, deps) as WorkshopsDatabase;
    this.db.version(1).stores({ sessions: 'sessionId, updatedAt' });
  }

  async saveState(state: FacilitatorState, now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.sessions, async () => {
      const old = await this.db.sessions.get(state.sessionId);
      await this.db.sessions.put({
        sessionId: state.sessionId,
        code: state.code,
        title: state.title,
        scenarioTitle: state.scenario.title,
        createdAt: state.createdAt,
        updatedAt: now,
        state,
        export: old?.export ?? null,
      });
    });
  }

  async saveExport(data: SessionExport, scenarioTitle: string, now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.sessions, async () => {
      const old = await this.db.sessions.get(data.session.sessionId);
      await this.db.sessions.put({
        sessionId: data.session.sessionId,
        code: data.session.code,
        title: data.session.title,
        scenarioTitle: old?.scenarioTitle ?? scenarioTitle,
        createdAt: data.session.createdAt,
        updatedAt: now,
        state: old?.state ?? null,
        export: data,
      });
    });
  }

  get(sessionId: string): Promise<WorkshopRecord | undefined> {
    return this.db.sessions.get(sessionId);
  }

  /** Newest first. */
  list(): Promise<WorkshopRecord[]> {
    return this.db.sessions.orderBy('updatedAt').reverse().toArray();
  }

  async remove(sessionId: string): Promise<void> {
    await this.db.sessions.delete(sessionId);
  }

  close(): void {
    this.db.close();
  }
}
