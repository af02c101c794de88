// Sources → Report. Runs the pipeline once: read every source (in canonical path order, so the
// argument order never matters), resolve people from the counting records, build the affiliation
// structure and measure it. No file system or process access: sources bring their own bytes.

import { InputError, UsageError } from './errors.js';
import { type Affiliation, buildAffiliation } from './graph/affiliation.js';
import {
  affiliationMemberships,
  largestEvent,
  MAX_PROJECTION_TIES,
  type Memberships,
  projectionAndStrongTies,
  tieBound,
} from './graph/projection.js';
import { cutVertices } from './measure/articulation.js';
import { BETWEENNESS_DEFAULTS } from './measure/betweenness.js';
import { measureBridges } from './measure/bridges.js';
import { measureCliques } from './measure/cliques.js';
import { measureCommunities, usesCompactLouvain } from './measure/communities.js';
import { measureDisconnected } from './measure/disconnected.js';
import { measureFish, regularShares } from './measure/fish.js';
import { measureFreshness } from './measure/freshness.js';
import { measureGroups, measureTotals } from './measure/groups.js';
import { measureIntersections } from './measure/intersections.js';
import { measurePairs } from './measure/pairs.js';
import { brokersInParallel, louvainInParallel } from './measure/parallel.js';
import { measurePopulation } from './measure/population.js';
import { measureReach } from './measure/reach.js';
import { checkPseudonymousInputs } from './privacy/pseudonyms.js';
import { redactReport } from './privacy/redact.js';
import { type ReadOptions, type ReadResult, readSource } from './read/source.js';
import type { Lang } from './render/i18n.js';
import type { OverlapOptions, OverlapReport } from './report/schema.js';
import type { ScoredPair } from './resolve/fuzzy.js';
import { resolvePeople } from './resolve/index.js';
import { type LinkConstraints, linkConstraints, parseLinks } from './resolve/links.js';
import {
  COUNTING_STATUSES,
  type Finding,
  type InputSummary,
  type Person,
  type SkippedRow,
  type Source,
  type SourceRecord,
} from './types.js';
import { TOOL } from './version.js';

export interface AnalyzeOptions extends ReadOptions {
  readonly match?: 'fuzzy' | 'exact';
  readonly minGroups?: number;
  readonly attendedOnly?: boolean;
  readonly excludeHosts?: boolean;
  readonly seed?: number;
  /** Population N for expected overlaps and p-values: observed people, or the rounded Chao1. */
  readonly population?: 'observed' | 'chao';
  /** Names as initials and ids (--redact). */
  readonly redact?: boolean;
  /** Told of each step of a long run (a file read, resolving, measuring), for a progress bar. */
  readonly progress?: ((step: ProgressStep) => void) | undefined;
  /**
   * Keep the evidence of every merge in Analysis.merges (default true). `netz overlap` and
   * `netz review` leave it out: at 1M rows it is 800,000 objects that nothing there reads.
   */
  readonly merges?: boolean;
  /** The language of the text and Markdown reports, recorded in the report's options. */
  readonly lang?: Lang;
  /** List the members of each intersection. */
  readonly members?: boolean;
  /** Groups one already attends, for reach's marginal gains. */
  readonly have?: readonly string[];
  readonly resolution?: number;
  readonly minShared?: number;
  readonly cliqueCap?: number;
  readonly cliqueWork?: number;
  readonly betweennessBudget?: number;
  /** Co-attendance pairs (Σ over events of member pairs) above which the compact Louvain runs. */
  readonly louvainCompactAbove?: number;
  readonly exactBetweenness?: boolean;
  readonly exactBetweennessLimit?: number;
  readonly pivots?: number;
  readonly bridges?: number;
  readonly introducers?: number;
  /**
   * Build the person projection and measure what needs it: bridges, betweenness, communities,
   * cliques, who could introduce two groups (default true). `netz overlap` leaves it out for a text
   * or Markdown report whose --sections show none of these (GRAPH_SECTIONS): the report then
   * holds them empty and must not be rendered with those sections, nor as JSON or CSV.
   */
  readonly graphSections?: boolean;
  /** The links file's path and text (decisions: must / cannot be one person). */
  readonly links?: { readonly path: string; readonly text: string } | undefined;
  /**
   * overlapReport empties the analysis's records once it has built the affiliation from them:
   * for a caller that needs them no longer (the CLI, `analyze`). At a million rows they are 530
   * of the 900 MB of live heap, which every later major garbage collection would mark again.
   */
  readonly releaseRecords?: boolean;
}

export const ANALYZE_DEFAULTS = Object.freeze({
  lang: 'en' as Lang,
  redact: false,
  match: 'fuzzy' as 'fuzzy' | 'exact',
  minGroups: 3,
  attendedOnly: false,
  excludeHosts: false,
  seed: 42,
  groupFrom: 'name' as const,
  population: 'observed' as 'observed' | 'chao',
  members: false,
  have: [] as readonly string[],
  resolution: 1,
  minShared: 2,
  cliqueCap: 1000,
  cliqueWork: 1e7,
  betweennessBudget: BETWEENNESS_DEFAULTS.budget,
  louvainCompactAbove: 50_000,
  exactBetweenness: false,
  exactBetweennessLimit: 5000,
  pivots: 256,
  bridges: 25,
  introducers: 5,
});

/** One step of a run: `done` of `total` steps so far (files, then resolving and measuring). */
export interface ProgressStep {
  readonly done: number;
  readonly total: number;
  readonly stage: string;
}

/** Everything the pipeline produced, for reports that need more than the overlap. */
export interface Analysis {
  readonly inputs: InputSummary[];
  readonly records: SourceRecord[];
  readonly skipped: SkippedRow[];
  readonly findings: Finding[];
  readonly people: Person[];
  /** Pairs waiting for a person's decision (fuzzy mode), most uncertain first. */
  readonly review: ScoredPair[];
  /** The pairs whose evidence merged records (fuzzy mode). */
  readonly merges: ScoredPair[];
  /** The matching used: the one asked for, or exact for hashed inputs. */
  readonly match: 'fuzzy' | 'exact';
}

/** The config's settings for a source, overridden by those given for the whole run. */
function sourceSettings(run: ReadOptions, source: ReadOptions | undefined): ReadOptions {
  if (source === undefined) return run;
  const set = Object.fromEntries(Object.entries(run).filter(([, v]) => v !== undefined));
  const map = { ...source.map, ...run.map };
  return { ...source, ...set, map };
}

/** Defaults overlaid with the options that are set (an explicit `undefined` keeps the default). */
function withDefaults(options: AnalyzeOptions) {
  const set = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...ANALYZE_DEFAULTS, ...set } as typeof ANALYZE_DEFAULTS & AnalyzeOptions;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads every source in canonical (name) order, each with its config settings overlaid by the
 * run's; the results in that order. `netz hash` and readAndResolve share it.
 */
export async function readSources(
  sources: readonly Source[],
  options: AnalyzeOptions = {},
): Promise<ReadResult[]> {
  const settings = withDefaults(options);
  const ordered = [...sources].sort((a, b) => compare(a.name, b.name));
  const results: ReadResult[] = [];
  // The next source's bytes are fetched while this one is parsed (parsing does not wait for I/O).
  // An open() that throws at once becomes a rejection, reported in its source's turn.
  const fetch = (source: Source | undefined) =>
    source === undefined ? undefined : Promise.resolve().then(() => source.open());
  let next = fetch(ordered[0]);
  for (const [index, source] of ordered.entries()) {
    options.progress?.({ done: index, total: ordered.length + 2, stage: `reading ${source.name}` });
    const bytes = await (next as Promise<Uint8Array>);
    next = fetch(ordered[index + 1]);
    // An unreadable next file reports its error when its turn comes, not before.
    next?.catch(() => undefined);
    results.push(
      await readSource(
        { name: source.name, bytes, group: source.group, dir: source.dir },
        index,
        sourceSettings(settings, source.settings),
      ),
    );
  }
  return results;
}

/** Reads and resolves: inputs with their accounting, counting records and people. */
export async function readAndResolve(
  sources: readonly Source[],
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const settings = withDefaults(options);
  const inputs: InputSummary[] = [];
  const all: SourceRecord[] = [];
  const skipped: SkippedRow[] = [];
  const findings: Finding[] = [];
  const stamps = new Map<number, string>();
  for (const [index, result] of (await readSources(sources, options)).entries()) {
    inputs.push(result.summary);
    if (result.stamp !== undefined) stamps.set(index, result.stamp);
    for (const r of result.records) all.push(r);
    for (const item of result.skipped) skipped.push(item);
    for (const item of result.findings) findings.push(item);
  }
  const counts = (r: SourceRecord) =>
    COUNTING_STATUSES.has(r.status) &&
    (!settings.attendedOnly || r.status === 'attended') &&
    (!settings.excludeHosts || r.role !== 'host');
  const records = all.filter(counts);
  const paths = inputs.map((i) => i.path);
  let constraints: LinkConstraints = { must: [], cannot: [], findings: [] };
  if (settings.links !== undefined) {
    constraints = linkConstraints(
      parseLinks(settings.links.text, settings.links.path),
      records,
      settings.links.path,
    );
    for (const item of constraints.findings) findings.push(item);
  }
  checkPseudonymousInputs(inputs, stamps);
  // Pseudonyms can only be compared for equality: hashed inputs are matched exactly.
  const match = stamps.size > 0 ? 'exact' : settings.match;
  options.progress?.({ done: inputs.length, total: inputs.length + 2, stage: 'resolving people' });
  const resolution = resolvePeople(records, paths, match, constraints, options.merges ?? true);
  for (const i of resolution.merged) {
    const input = inputs[(records[i] as SourceRecord).source] as InputSummary;
    input.records--;
    input.merged++;
  }
  for (const item of resolution.findings) findings.push(item);
  return {
    inputs,
    records,
    skipped,
    findings,
    people: resolution.people,
    review: resolution.review,
    merges: resolution.merges,
    match,
  };
}

/** The library entry point: sources in, the `netz/overlap@1` report out. */
export async function analyze(
  sources: readonly Source[],
  options: AnalyzeOptions = {},
): Promise<OverlapReport> {
  // The report shows no merge's evidence: it is not kept.
  return await overlapReport(await readAndResolve(sources, { ...options, merges: false }), {
    ...options,
    releaseRecords: true,
  });
}

/**
 * Refuses, with the file and the fix, inputs whose person projection would not fit: an event
 * of ~46,000 people makes more ties than its 32-bit offsets can count (and tens of GB). The
 * bound is tieBound's: per person, the people met at its events, at most everyone else (so the
 * same people meeting at many events are not refused for ties they do not make).
 */
export function checkProjectionSize(
  graph: Affiliation,
  membership: Memberships,
  inputs: readonly InputSummary[],
  limit: number = MAX_PROJECTION_TIES,
): void {
  const ties = tieBound(membership);
  if (ties <= limit) return;
  const { event, size } = largestEvent(membership);
  const group = graph.groups[graph.eventGroup[event] as number] as string;
  const date = graph.eventDate[event];
  const path = inputs.find((i) => i.group === group)?.path ?? group;
  throw new InputError(
    'projection-too-large',
    path,
    undefined,
    `its event${date === undefined ? '' : ` of ${date}`} with ${size} people makes the person projection too large (up to ${ties} ties, at most ${limit}); leave this file out or split the event`,
  );
}

/** The sections the person projection gives: bridges, betweenness, communities, cliques, introducers. */
type GraphParts = Pick<
  OverlapReport,
  'bridges' | 'betweenness' | 'communities' | 'cliques' | 'disconnected'
>;

/**
 * Builds the person projection and measures what needs it, with the brokers' worker and (for
 * large inputs) the compact Louvain's, started by the caller, running beside the main thread.
 */
async function graphSections(
  graph: Affiliation,
  membership: Memberships,
  settings: ReturnType<typeof withDefaults>,
  pendingLouvain: ReturnType<typeof louvainInParallel> | undefined,
): Promise<GraphParts> {
  const cuts = cutVertices(membership);
  const { projection, strong } = projectionAndStrongTies(membership, settings.minShared);
  const pendingBrokers = brokersInParallel(projection, {
    seed: settings.seed,
    exact: settings.exactBetweenness,
    exactLimit: settings.exactBetweennessLimit,
    budget: settings.betweennessBudget,
    pivots: settings.pivots,
    top: settings.bridges,
  });
  // The graph measures of the main thread, while the brokers and a compact Louvain may still run
  // in worker threads.
  const cliques = measureCliques(
    graph,
    projection,
    { minShared: settings.minShared, cap: settings.cliqueCap, work: settings.cliqueWork },
    strong,
  );
  const disconnected = measureDisconnected(graph, projection, {
    introducers: settings.introducers,
  });
  // Only now wait for the worker threads (their results are all that is left), helping the
  // brokers' worker with its betweenness pivots first.
  pendingBrokers.help();
  const communities = measureCommunities(
    graph,
    projection,
    membership,
    {
      seed: settings.seed,
      resolution: settings.resolution,
      graphologyLimit: settings.louvainCompactAbove,
    },
    pendingLouvain === undefined ? undefined : await pendingLouvain,
  );
  const bridges = measureBridges(graph, cuts, await pendingBrokers.result);
  return {
    bridges: bridges.list,
    betweenness: { ...bridges.betweenness, cutVertices: bridges.cutVertices },
    communities,
    cliques,
    disconnected,
  };
}

/**
 * The graph sections left empty, for a text or Markdown report that shows none of them
 * (AnalyzeOptions.graphSections false): what it shows is the same as with them.
 */
function withoutGraph(settings: ReturnType<typeof withDefaults>): GraphParts {
  return {
    bridges: [],
    betweenness: { exact: false, pivots: null, cutVertices: 0 },
    communities: {
      algorithm: 'louvain',
      implementation: 'compact',
      seed: settings.seed,
      resolution: settings.resolution,
      modularity: null,
      list: [],
    },
    cliques: { minShared: settings.minShared, maxCore: 0, coreSize: 0, capped: false, list: [] },
    disconnected: [],
  };
}

/** Measures what readAndResolve found: the `netz/overlap@1` report. */
export async function overlapReport(
  analysis: Analysis,
  options: AnalyzeOptions = {},
): Promise<OverlapReport> {
  const settings = withDefaults(options);
  const steps = analysis.inputs.length + 2;
  options.progress?.({ done: steps - 1, total: steps, stage: 'measuring' });
  const graph = buildAffiliation(analysis.people, analysis.records);
  if (options.releaseRecords === true) analysis.records.length = 0;
  const unknown = settings.have.filter((g) => !graph.groups.includes(g));
  if (unknown.length > 0) {
    throw new UsageError(
      `--have ${unknown.join(',')}: no such group; the groups are: ${graph.groups.join(', ')}`,
    );
  }
  const notes: string[] = [];
  if (analysis.inputs.some((i) => i.profile === 'netz-hash'))
    notes.push('pseudonyms: the inputs are netz hash files, matched exactly on their pseudonyms');
  if (settings.attendedOnly) {
    const without = analysis.inputs.filter((i) => !i.hasAttendance).map((i) => i.path);
    if (without.length > 0) {
      notes.push(`attended-only: these inputs say nothing about attendance: ${without.join(', ')}`);
    }
  }
  const population = measurePopulation(graph);
  const n =
    settings.population === 'chao'
      ? Math.max(graph.people.length, Math.round(population.chao1.estimate))
      : graph.people.length;
  const membership = affiliationMemberships(graph);
  const withGraph = settings.graphSections !== false;
  if (withGraph) checkProjectionSize(graph, membership, analysis.inputs);
  // The compact Louvain needs only the memberships: it starts before the projection is built.
  const pendingLouvain =
    withGraph && usesCompactLouvain(membership, settings.louvainCompactAbove)
      ? louvainInParallel(membership, settings.resolution, settings.seed)
      : undefined;
  const freshness = measureFreshness(graph);
  if (freshness.length === 0)
    notes.push('freshness: no event dates are known, so fresh faces over time are not measured');
  notes.push(
    'population: capture–recapture assumes independent lists; regulars make lists dependent, so the estimates are lower bounds',
  );
  const reportOptions: OverlapOptions = {
    lang: settings.lang,
    match: analysis.match,
    redact: settings.redact,
    minGroups: settings.minGroups,
    attendedOnly: settings.attendedOnly,
    excludeHosts: settings.excludeHosts,
    groupFrom: settings.groupFrom,
    seed: settings.seed,
    population: { n, source: settings.population === 'chao' ? 'chao1' : 'observed' },
    members: settings.members,
    have: [...settings.have],
    resolution: settings.resolution,
    minShared: settings.minShared,
    cliqueCap: settings.cliqueCap,
    cliqueWork: settings.cliqueWork,
    betweennessBudget: settings.betweennessBudget,
    louvainCompactAbove: settings.louvainCompactAbove,
    exactBetweenness: settings.exactBetweenness,
    exactBetweennessLimit: settings.exactBetweennessLimit,
    pivots: settings.pivots,
    bridges: settings.bridges,
    introducers: settings.introducers,
  };
  // What needs only the affiliation is measured before the projection is built and the brokers'
  // worker starts: beside one worker rather than two, these passes over scattered people and
  // events wait less on memory (1M rows: 0.9 s here against 2.1 s after the projection).
  const shares = regularShares(graph, settings.minGroups);
  const pairs = measurePairs(graph, { population: n });
  const intersections = measureIntersections(graph, { members: settings.members });
  const fish = measureFish(graph, { minGroups: settings.minGroups });
  const reach = measureReach(graph, settings.have);
  const totals = measureTotals(graph);
  const groups = measureGroups(graph).map((g, i) => ({ ...g, regularShare: shares[i] ?? null }));
  const measured = withGraph
    ? await graphSections(graph, membership, settings, pendingLouvain)
    : withoutGraph(settings);
  const report: OverlapReport = {
    schema: 'netz/overlap@1',
    tool: { name: TOOL.name, version: TOOL.version },
    options: reportOptions,
    notes,
    inputs: analysis.inputs.map((i) => ({
      path: i.path,
      group: i.group,
      profile: i.profile,
      encoding: i.encoding,
      delimiter: i.delimiter,
      rows: i.rows,
      records: i.records,
      merged: i.merged,
      skipped: i.skipped,
      blank: i.blank,
      sha256: i.sha256,
    })),
    skipped: analysis.skipped.map((s) => ({ path: s.path, line: s.line, code: s.code })),
    findings: analysis.findings
      .filter((f) => f.path !== undefined && f.line !== undefined)
      .map((f) => ({ path: f.path as string, line: f.line as number, code: f.code })),
    totals,
    reviewPairs: analysis.review.length,
    groups,
    pairs,
    intersections,
    fish,
    ...measured,
    population,
    reach,
    freshness,
  };
  return settings.redact ? redactReport(report) : report;
}
