// A report's JSON Schema (draft 2020-12), converted from its zod schema (the single source of
// truth) with zod's own z.toJSONSchema. Loaded only by `netz schema`: the report schemas use zod's
// classic API, which the other commands need not load.
import { z } from 'zod';
import {
  InspectReportSchema,
  OverlapReportSchema,
  PeopleReportSchema,
  ReviewReportSchema,
} from './schema.js';

const SCHEMAS = {
  overlap: { schema: OverlapReportSchema, id: 'netz/overlap@1' },
  people: { schema: PeopleReportSchema, id: 'netz/people@1' },
  inspect: { schema: InspectReportSchema, id: 'netz/inspect@1' },
  review: { schema: ReviewReportSchema, id: 'netz/review@1' },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** The JSON Schema of a report, as text. */
export function jsonSchema(name: SchemaName): string {
  const { schema, id } = SCHEMAS[name];
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...converted, title: id }, null, 2)}\n`;
}
