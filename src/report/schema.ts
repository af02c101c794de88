// The Report: the only contract between measuring and rendering, defined once as zod schemas
// (strict objects: unknown keys are an error). TypeScript types are inferred from them.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const ratio = z.number().min(0).max(1);

export const InputSchema = z.strictObject({
  path: z.string(),
  group: z.string(),
  profile: z.string(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
  delimiter: z.string(),
  rows: count,
  records: count,
  merged: count,
  skipped: count,
  blank: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const LocatedCodeSchema = z.strictObject({
  path: z.string(),
  line: z.number().int().positive(),
  code: z.string(),
});

export const OverlapOptionsSchema = z.strictObject({
  match: z.enum(['exact']),
  minGroups: z.number().int().positive(),
  attendedOnly: z.boolean(),
  excludeHosts: z.boolean(),
  groupFrom: z.enum(['name', 'dir']),
  seed: z.number().int(),
});

export const OverlapReportSchema = z.strictObject({
  schema: z.literal('netz/overlap@1'),
  tool: z.strictObject({ name: z.literal('netz'), version: z.string() }),
  options: OverlapOptionsSchema,
  notes: z.array(z.string()),
  inputs: z.array(InputSchema),
  skipped: z.array(LocatedCodeSchema),
  findings: z.array(LocatedCodeSchema),
  totals: z.strictObject({ groups: count, events: count, records: count, people: count }),
  groups: z.array(
    z.strictObject({
      name: z.string(),
      events: count,
      records: count,
      people: count,
      exclusive: count,
    }),
  ),
  pairs: z.array(
    z.strictObject({
      a: z.string(),
      b: z.string(),
      shared: count,
      jaccard: ratio,
      overlap: ratio,
    }),
  ),
  fish: z.strictObject({
    minGroups: z.number().int().positive(),
    groupsPerPerson: z.array(z.strictObject({ groups: count, people: count })),
    regulars: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        groups: z.array(z.string()),
        events: count,
      }),
    ),
  }),
});

export type OverlapReport = z.infer<typeof OverlapReportSchema>;
export type OverlapOptions = z.infer<typeof OverlapOptionsSchema>;

export const InspectReportSchema = z.strictObject({
  schema: z.literal('netz/inspect@1'),
  inputs: z.array(
    z.strictObject({
      path: z.string(),
      group: z.string(),
      profile: z.string(),
      encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
      delimiter: z.string(),
      header: z.array(z.string()),
      columns: z.record(z.string(), z.array(z.string())),
      rows: count,
      records: count,
      merged: count,
      skipped: count,
      blank: count,
      findings: z.array(z.strictObject({ line: z.number().int().positive(), code: z.string() })),
    }),
  ),
});

export type InspectReport = z.infer<typeof InspectReportSchema>;
