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
  /** The language of the text and Markdown reports (JSON keys stay English). */
  lang: z.enum(['en', 'de']),
  match: z.enum(['fuzzy', 'exact']),
  /** Names are initials and ids (--redact). */
  redact: z.boolean(),
  minGroups: z.number().int().positive(),
  attendedOnly: z.boolean(),
  excludeHosts: z.boolean(),
  groupFrom: z.enum(['name', 'dir']),
  seed: z.number().int(),
  population: z.strictObject({ n: count, source: z.enum(['observed', 'chao1']) }),
  members: z.boolean(),
  have: z.array(z.string()),
  resolution: z.number().positive(),
  minShared: z.number().int().positive(),
  cliqueCap: z.number().int().positive(),
  cliqueWork: z.number().positive(),
  betweennessBudget: z.number().positive(),
  louvainCompactAbove: z.number().int().positive(),
  exactBetweenness: z.boolean(),
  exactBetweennessLimit: z.number().int().positive(),
  pivots: z.number().int().positive(),
  bridges: z.number().int().positive(),
  introducers: z.number().int().positive(),
});

const estimate = z.strictObject({
  estimate: z.number(),
  se: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
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
  /** Pairs of records that wait for a decision in `netz review` (fuzzy matching). */
  reviewPairs: count,
  groups: z.array(
    z.strictObject({
      name: z.string(),
      events: count,
      records: count,
      people: count,
      exclusive: count,
      regularShare: ratio.nullable(),
    }),
  ),
  pairs: z.array(
    z.strictObject({
      a: z.string(),
      b: z.string(),
      shared: count,
      jaccard: ratio,
      overlap: ratio,
      expected: z.number().nonnegative(),
      lift: z.number().nonnegative().nullable(),
      pValue: ratio,
      qValue: ratio,
    }),
  ),
  intersections: z.array(
    z.strictObject({
      groups: z.array(z.string()),
      people: count,
      members: z.array(z.string()).optional(),
      memberNames: z.array(z.string()).optional(),
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
    top10Share: ratio.nullable(),
    gini: ratio.nullable(),
  }),
  bridges: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      betweenness: z.number().nonnegative(),
      groups: z.array(z.string()),
      cutVertex: z.boolean(),
      constraint: z.number().nonnegative().nullable(),
      effectiveSize: z.number().nonnegative().nullable(),
    }),
  ),
  betweenness: z.strictObject({ exact: z.boolean(), pivots: count.nullable(), cutVertices: count }),
  communities: z.strictObject({
    algorithm: z.literal('louvain'),
    implementation: z.enum(['graphology', 'compact']),
    seed: z.number().int(),
    resolution: z.number().positive(),
    modularity: z.number().nullable(),
    list: z.array(
      z.strictObject({
        id: z.number().int().positive(),
        size: count,
        members: z.array(z.string()),
        central: z.array(z.strictObject({ id: z.string(), name: z.string() })),
        groups: z.record(z.string(), count),
      }),
    ),
  }),
  cliques: z.strictObject({
    minShared: z.number().int().positive(),
    maxCore: count,
    coreSize: count,
    capped: z.boolean(),
    list: z.array(
      z.strictObject({
        size: count,
        members: z.array(z.string()),
        names: z.array(z.string()),
        groups: z.array(z.string()),
      }),
    ),
  }),
  disconnected: z.array(
    z.strictObject({
      a: z.string(),
      b: z.string(),
      path: z.array(z.string()).nullable(),
      introducers: z.array(z.strictObject({ id: z.string(), name: z.string(), ties: count })),
    }),
  ),
  population: z.strictObject({
    observed: count,
    f1: count,
    f2: count,
    coverage: ratio.nullable(),
    chao1: estimate,
    chapman: z.strictObject({ a: z.string(), b: z.string(), ...estimate.shape }).nullable(),
  }),
  reach: z.strictObject({
    order: z.array(z.strictObject({ group: z.string(), gain: count, cumulative: count })),
    have: z.array(z.string()),
    marginal: z.array(z.strictObject({ group: z.string(), gain: count })),
  }),
  freshness: z.array(
    z.strictObject({
      group: z.string(),
      month: z.string(),
      attendees: count,
      newcomers: count,
      returningLater: count,
    }),
  ),
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

export const PeopleReportSchema = z.strictObject({
  schema: z.literal('netz/people@1'),
  options: z.strictObject({
    match: z.enum(['fuzzy', 'exact']),
    attendedOnly: z.boolean(),
    excludeHosts: z.boolean(),
  }),
  people: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      emails: z.array(z.string()),
      groups: z.array(z.string()),
      events: count,
      records: z.array(
        z.strictObject({
          path: z.string(),
          line: z.number().int().positive(),
          group: z.string(),
          event: z.string(),
          status: z.string(),
        }),
      ),
    }),
  ),
  skipped: z.array(LocatedCodeSchema),
});

export type PeopleReport = z.infer<typeof PeopleReportSchema>;

const ReviewRecordSchema = z.strictObject({
  path: z.string(),
  line: z.number().int().positive(),
  group: z.string(),
  name: z.string().nullable(),
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  platformId: z.string().nullable(),
  company: z.string().nullable(),
  /** The key a links-file line uses for this record. */
  key: z.string(),
});

export const ReviewReportSchema = z.strictObject({
  schema: z.literal('netz/review@1'),
  pairs: z.array(
    z.strictObject({
      a: ReviewRecordSchema,
      b: ReviewRecordSchema,
      weight: z.number(),
      evidence: z.array(
        z.strictObject({ field: z.string(), level: z.string(), weight: z.number() }),
      ),
    }),
  ),
});

export type ReviewReport = z.infer<typeof ReviewReportSchema>;
