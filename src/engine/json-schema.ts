// The scenario format as a JSON Schema, generated from the zod schema the engine parses with, so
// editors (VS Code reads "$schema") validate and complete scenario files as they are typed.
import { z } from 'zod';
import { FORMAT_VERSION, ScenarioSchema } from './schema';

export const JSON_SCHEMA_FILE = `scenario.v${FORMAT_VERSION}.schema.json`;

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...generated,
    $id: `https://ppi-quest.invalid/schema/${JSON_SCHEMA_FILE}`,
    title: `PPI Quest scenario, format ${FORMAT_VERSION}`,
    description:
      'A scenario level of PPI Quest. Reference: docs/scenario-format.md. Generated from src/engine/schema.ts by `npm run ppi -- schema --write`; do not edit by hand.',
  };
}
