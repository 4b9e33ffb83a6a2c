// The page `npm run bench:storage` opens in Chromium: runs the workload on the browser's own
// IndexedDB and hands the figures back to the runner.
import { openStorage, requestPersistence, RunLock, runLockName } from '../../src/storage';
import scenarioText from '../../scenarios/street-lighting.json?raw';
import { runStorageWorkload, type WorkloadParams, type WorkloadReport } from '../storage-workload';

export interface PageReport extends WorkloadReport {
  persistent: boolean;
  status: string;
  persisted: boolean;
  usageBytes: number | undefined;
  /** Things only a real browser can show, checked on the way. */
  checks: string[];
}

declare global {
  interface Window {
    storageBench?: (params: WorkloadParams) => Promise<PageReport>;
  }
}

async function browserChecks(): Promise<string[]> {
  const memory = await openStorage({ indexedDB: null, channelName: null });
  await memory.createProfile('Check');
  const inMemory = !memory.persistent && (await memory.listProfiles()).length === 1;
  await memory.close();
  const name = runLockName('check', 'check');
  const first = await RunLock.acquire(name);
  const second = await RunLock.acquire(name);
  first?.release();
  return [
    `in-memory fallback (lazily loaded chunk) works: ${String(inMemory)}`,
    `RunLock over ${first?.mechanism ?? 'nothing'}: a second holder is refused: ${String(second === undefined)}`,
  ];
}

window.storageBench = async (params) => {
  const storage = await openStorage({ name: `ppi-quest-bench-${Date.now()}` });
  try {
    const report = await runStorageWorkload(storage, scenarioText, params);
    const estimate = await navigator.storage.estimate();
    return {
      ...report,
      persistent: storage.persistent,
      status: storage.status,
      persisted: await requestPersistence(),
      usageBytes: estimate.usage,
      checks: await browserChecks(),
    };
  } finally {
    await storage.close();
  }
};
