// `ppi schema [--write]`: the JSON Schema that editors use, generated from the engine's schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JSON_SCHEMA_FILE, scenarioJsonSchema } from '../src/engine';
import { EXIT_OK, type Io } from './io';

export const SCHEMA_PATH = `scenarios/schema/${JSON_SCHEMA_FILE}`;

/** The schema file's exact text, as committed. */
export function schemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

export function schemaCommand(write: boolean, io: Io): number {
  if (write) {
    mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
    writeFileSync(SCHEMA_PATH, schemaText());
    io.out(`wrote ${SCHEMA_PATH}`);
  } else io.out(schemaText().trimEnd());
  return EXIT_OK;
}
