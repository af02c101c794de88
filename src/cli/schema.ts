// `netz schema <report>`: the JSON Schema of a report (src/report/json-schema.ts, loaded only
// here). The schemas are committed in docs/schemas/.
import { Argument, Command } from 'commander';
import type { SchemaName } from '../report/json-schema.js';
import type { CliContext } from './context.js';

const SCHEMA_NAMES: readonly SchemaName[] = ['overlap', 'people', 'inspect', 'review'];

export function schemaCommand(ctx: CliContext, done: (code: number) => void): Command {
  return new Command('schema')
    .description('Print the JSON Schema of a report (overlap, people, inspect, review)')
    .addArgument(new Argument('<report>', 'which report').choices(SCHEMA_NAMES))
    .addHelpText('after', '\nExample:\n  netz schema overlap > overlap.schema.json')
    .action(async (name: SchemaName) => {
      // Imported by its address, so that the CLI's bundle leaves the module (and zod's classic
      // API under it) out and loads the compiled file beside it only for this command.
      const address = new URL('../report/json-schema.js', import.meta.url).href;
      const { jsonSchema } = (await import(address)) as typeof import('../report/json-schema.js');
      ctx.stdout(jsonSchema(name));
      done(0);
    });
}
