// Writes flows/compiled.schema.json, the JSON Schema of the compiled flow (docs/format.md §3), from its
// zod schema, so that the runtime, outside tools and the schema can never disagree.
// Run: npx tsx scripts/gen-compiled-schema.ts (a test fails when the committed file is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompiledFlow } from '../flows/schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../flows/compiled.schema.json', import.meta.url));

export function compiledSchemaJson(): string {
  const { $schema, ...generated } = z.toJSONSchema(CompiledFlow, {
    target: 'draft-2020-12',
    io: 'output',
  });
  const schema = {
    $schema,
    $id: 'https://threadline.dev/schemas/compiled-flow.schema.json',
    title: 'Threadline compiled flow',
    description:
      'What `threadline compile` writes and the runtime accepts on publish (docs/format.md §3).',
    ...generated,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, compiledSchemaJson());
  console.log(`wrote ${SCHEMA_PATH}`);
}
