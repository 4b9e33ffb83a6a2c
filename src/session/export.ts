// A session's results as files: the hub's SessionExport as JSON, and a CSV with one row per team
// and decision (a team that made none still gets one row). Pure: the browser and tests share it.
import type { SessionExport } from './protocol';

export const CSV_COLUMNS = [
  'session_code',
  'session_title',
  'scenario',
  'mode',
  'team',
  'team_id',
  'step',
  'node',
  'option',
  'quality',
  'timed_out',
  'answer_ms',
  'score',
  'stars',
  'ending',
  'outcome',
] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break. A text that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe, so a
 * team name cannot become a formula on the facilitator's computer.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportToCsv(data: SessionExport): string {
  const { session } = data;
  const rows: (string | number | boolean | null)[][] = [[...CSV_COLUMNS]];
  const teams = [...data.teams].sort((a, b) => b.score.scaled - a.score.scaled || a.name.localeCompare(b.name));
  for (const team of teams) {
    const common = [session.code, session.title, session.scenarioId, session.mode, team.name, team.teamId];
    const tail = [team.score.scaled, team.score.stars, team.ending?.node ?? null, team.ending?.outcome ?? null];
    if (team.decisions.length === 0) rows.push([...common, null, null, null, null, null, null, ...tail]);
    for (const d of team.decisions) {
      rows.push([...common, d.step, d.node, d.option, d.quality, d.timedOut, d.ms, ...tail]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function exportToJson(data: SessionExport): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/** A file name for the session's results: ppi-session-ABCDEFGH-2026-11-27.csv */
export function exportFileName(data: SessionExport, ext: 'csv' | 'json'): string {
  const day = new Date(data.exportedAt).toISOString().slice(0, 10);
  return `ppi-session-${data.session.code}-${day}.${ext}`;
}
