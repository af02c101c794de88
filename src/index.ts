// The library API: `analyze(sources, options)` and the stage functions, so the same work runs
// from code and tests without touching the disk (sources are `{ name, open() }`).
export { ANALYZE_DEFAULTS, type AnalyzeOptions, analyze, readAndResolve } from './analyze.js';
export { EXIT, InputError, NetzError, UsageError } from './errors.js';
export { buildAffiliation } from './graph/affiliation.js';
export { measureFish } from './measure/fish.js';
export { measureGroups, measureTotals } from './measure/groups.js';
export { measurePairs } from './measure/pairs.js';
export { seededRandom } from './measure/rng.js';
export { decodeBytes, detectEncoding } from './read/decode.js';
export { groupFromName, readSource } from './read/source.js';
export { detectDelimiter, parseTable } from './read/table.js';
export { type Format, renderReport } from './render/index.js';
export { type OverlapReport, OverlapReportSchema } from './report/schema.js';
export { resolvePeople } from './resolve/index.js';
export { emailKey, nameKey } from './resolve/normalize.js';
export type * from './types.js';
