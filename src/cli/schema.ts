// `netz schema <report>`: the JSON Schema of a report, converted from its zod schema (the single
// source of truth) with zod's own z.toJSONSchema. The schemas are committed in docs/schemas/.
import { Argument, Command } from 'commander';
import { z } from 'zod';
import {
  InspectReportSchema,
  OverlapReportSchema,
  PeopleReportSchema,
  ReviewReportSchema,
} from '../report/schema.js';
import type { CliContext } from './context.js';

const SCHEMAS = {
  overlap: { schema: OverlapReportSchema, id: 'netz/overlap@1' },
  people: { schema: PeopleReportSchema, id: 'netz/people@1' },
  inspect: { schema: InspectReportSchema, id: 'netz/inspect@1' },
  review: { schema: ReviewReportSchema, id: 'netz/review@1' },
} as const;

export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

/** The JSON Schema (draft 2020-12) of a report, as text. */
export function jsonSchema(name: SchemaName): string {
  const { schema, id } = SCHEMAS[name];
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...converted, title: id }, null, 2)}\n`;
}

export function schemaCommand(ctx: CliContext, done: (code: number) => void): Command {
  return new Command('schema')
    .description('Print the JSON Schema of a report (overlap, people, inspect, review)')
    .addArgument(new Argument('<report>', 'which report').choices(SCHEMA_NAMES))
    .addHelpText('after', '\nExample:\n  netz schema overlap > overlap.schema.json')
    .action((name: SchemaName) => {
      ctx.stdout(jsonSchema(name));
      done(0);
    });
}
