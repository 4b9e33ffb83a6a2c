// `ppi graph FILE [--format mermaid|dot] [--out PATH]`: the whole story as a picture.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { toDot, toMermaid } from '../src/engine';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, loadFile, reportProblems, type Io } from './io';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The format an output file's name asks for, when --format does not say. */
function formatForPath(path: string | undefined): GraphFormat {
  const ext = path === undefined ? '' : extname(path).toLowerCase();
  return ext === '.dot' || ext === '.gv' ? 'dot' : 'mermaid';
}

export function graphCommand(file: string, format: string | undefined, out: string | undefined, io: Io): number {
  if (format !== undefined && !(GRAPH_FORMATS as readonly string[]).includes(format)) {
    io.err(`ppi: --format must be one of ${GRAPH_FORMATS.join(', ')}, not "${format}"`);
    return EXIT_USAGE;
  }
  const loaded = loadFile(file);
  if (!loaded.ok) {
    reportProblems(file, loaded.problems, io);
    return EXIT_INVALID;
  }
  const chosen = (format as GraphFormat | undefined) ?? formatForPath(out);
  const text = chosen === 'dot' ? toDot(loaded.scenario) : toMermaid(loaded.scenario);
  if (out === undefined) {
    io.out(text.trimEnd());
    return EXIT_OK;
  }
  // A Markdown file gets a fenced block, which GitHub and GitLab draw as a picture.
  const isMarkdown = extname(out).toLowerCase() === '.md';
  const content = isMarkdown ? `# ${loaded.scenario.title}\n\n\`\`\`${chosen}\n${text}\`\`\`\n` : text;
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, content);
  } catch (e) {
    io.err(`ppi: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_INVALID;
  }
  io.out(`wrote ${out} (${chosen}, ${loaded.scenario.nodes.length} nodes)`);
  return EXIT_OK;
}
