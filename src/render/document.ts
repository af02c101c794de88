// Report → a document of blocks (headings, paragraphs, tables, bars, diagrams) that the text and
// Markdown renderers lay out, each escaping values for its medium. Deciding what to show, in which
// order, in which language and how numbers read happens here once; renderers only format.
import type { OverlapReport } from '../report/schema.js';
import { type Lang, listOf, noteText, numbers, type StoryFacts, WORDS } from './i18n.js';
import { codesOf, explain } from './messages.js';
import { exclusiveHidden, type Suppression, shownCount, suppression } from './min-cell.js';

export type Tone = 'plain' | 'strong' | 'dim' | 'bad' | 'good';
export type Cell = string | { readonly text: string; readonly tone: Tone };

export type Block =
  | { readonly kind: 'title'; readonly text: string; readonly heading: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: Tone }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly align: readonly ('l' | 'r')[];
      /** Longest text a column may show in the terminal before it is clipped. */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly Cell[])[];
    }
  | {
      readonly kind: 'bars';
      readonly unit: string;
      readonly rows: readonly { label: string; value: number; text: string }[];
    }
  /** A list that Markdown folds away (<details>) and the terminal prints as one paragraph. */
  | { readonly kind: 'details'; readonly summary: string; readonly items: readonly string[] }
  /** The groups as a graph, shared people on the edges (Markdown: Mermaid; terminal: nothing). */
  | {
      readonly kind: 'group-graph';
      readonly title: string;
      readonly note: string;
      readonly groups: readonly string[];
      readonly edges: readonly { a: string; b: string; label: string }[];
    }
  /** A bar chart (Markdown: Mermaid xychart; the terminal has the bars already). */
  | {
      readonly kind: 'chart';
      readonly title: string;
      readonly x: string;
      readonly y: string;
      readonly labels: readonly string[];
      readonly values: readonly number[];
    };

/** The parts of the report, in their order; --sections picks some. */
export const SECTIONS = [
  'story',
  'groups',
  'pairs',
  'intersections',
  'fish',
  'bridges',
  'communities',
  'cliques',
  'never-meet',
  'pond',
  'reach',
  'fresh',
  'accounting',
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The sections that read the person projection (bridges, communities, cliques, who could
 * introduce two groups) and the story, which tells of them. A text or Markdown report without any
 * of them is measured without the projection (AnalyzeOptions.graph).
 */
export const GRAPH_SECTIONS: ReadonlySet<Section> = new Set<Section>([
  'story',
  'bridges',
  'communities',
  'cliques',
  'never-meet',
]);

export interface DocumentOptions {
  /** How many rows long lists show (the JSON is always complete). */
  readonly top: number;
  /** The sections to show, in the report's order. */
  readonly sections: readonly Section[];
  /** Counts of 1 to K−1 people are shown as "<K" (see min-cell.ts); 1 shows everything. */
  readonly minCell: number;
}

export const DOCUMENT_DEFAULTS: Readonly<DocumentOptions> = Object.freeze({
  top: 10,
  sections: SECTIONS,
  minCell: 1,
});

/** At most this many edges in the group graph (the strongest); more is unreadable. */
const GRAPH_EDGES = 40;

const bad = (text: string): Cell => ({ text, tone: 'bad' });
const dim = (text: string): Cell => ({ text, tone: 'dim' });

/**
 * Up to `limit` cliques of the list (largest first), skipping any that shares more than half its
 * members with one already taken: large cliques overlap heavily (the 100k bench's 1,000 largest
 * are mostly one circle of ~100 people give or take a few), and rows cut to the column's width
 * would look alike. The JSON lists them all.
 */
export function distinctCliques<T extends { readonly members: readonly string[] }>(
  list: readonly T[],
  limit: number,
): T[] {
  const taken: { clique: T; members: Set<string> }[] = [];
  for (const clique of list) {
    if (taken.length >= limit) break;
    const half = clique.members.length / 2;
    const overlaps = taken.some(
      (t) => clique.members.filter((m) => t.members.has(m)).length > half,
    );
    if (!overlaps) taken.push({ clique, members: new Set(clique.members) });
  }
  return taken.map((t) => t.clique);
}

/** "… and 12 more (all in -f json)" when a list was cut. */
function more(lang: Lang, total: number, shown: number): Block[] {
  return total > shown
    ? [{ kind: 'paragraph', text: WORDS[lang].more(total - shown), tone: 'dim' }]
    : [];
}

/** A table of `file:line` codes with one sentence per code; nothing when the list is empty. */
function locatedCodes(
  lang: Lang,
  title: string,
  column: 'reason' | 'finding',
  items: readonly { path: string; line: number; code: string }[],
): Block[] {
  if (items.length === 0) return [];
  return [
    { kind: 'heading', text: `${title} (${items.length})` },
    {
      kind: 'table',
      head: WORDS[lang].locatedHead(column),
      align: ['l', 'r', 'l'],
      widths: [60, 6, 20],
      rows: items.map((s) => [s.path, String(s.line), s.code]),
    },
    ...codesOf(items).map(
      (code): Block => ({
        kind: 'paragraph',
        text: `${code}: ${explain(code, lang)}`,
        tone: 'dim',
      }),
    ),
  ];
}

/** The facts the story paragraph tells, from the report. */
function storyFacts(report: OverlapReport, lang: Lang, s: Suppression): StoryFacts {
  const f = numbers(lang);
  const seats = report.fish.regulars.reduce((s, r) => s + r.events, 0);
  const closest = [...report.pairs].sort(
    (x, y) => y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1),
  )[0];
  const bridge = report.bridges[0];
  const pop = report.population;
  return {
    groups: report.totals.groups,
    people: report.totals.people,
    minGroups: report.fish.minGroups,
    regulars: report.fish.regulars.length,
    regularsShown: shownCount(
      report.fish.regulars.length,
      report.fish.regulars.length > 0 && report.fish.regulars.length < s.k,
      s.k,
    ),
    regularSeats: f.percent(report.totals.records === 0 ? null : seats / report.totals.records),
    disconnected: report.disconnected.map((d) => [d.a, d.b] as const),
    closest:
      closest === undefined || closest.shared === 0
        ? null
        : {
            a: closest.a,
            b: closest.b,
            shared: closest.shared,
            sharedShown: shownCount(closest.shared, closest.shared < s.k, s.k),
          },
    bridge:
      bridge === undefined || bridge.betweenness === 0
        ? null
        : { name: bridge.name, cut: bridge.cutVertex, groups: bridge.groups.length },
    pond: pop.observed === 0 ? null : String(Math.round(pop.chao1.estimate)),
    coverage: pop.observed === 0 ? null : f.percent(pop.coverage),
  };
}

export function buildDocument(
  report: OverlapReport,
  options: Partial<DocumentOptions> = {},
): Block[] {
  const { top, sections, minCell } = { ...DOCUMENT_DEFAULTS, ...options };
  const hidden = suppression(report, minCell);
  const count = (n: number) => shownCount(n, n > 0 && n < hidden.k, hidden.k);
  const lang = report.options.lang;
  const w = WORDS[lang];
  const f = numbers(lang);
  const shown = new Set<Section>(sections);
  const t = report.totals;
  const blocks: Block[] = [];
  const nameOf = new Map<string, string>();
  for (const r of report.fish.regulars) nameOf.set(r.id, r.name);
  for (const b of report.bridges) nameOf.set(b.id, b.name);
  for (const d of report.disconnected) for (const i of d.introducers) nameOf.set(i.id, i.name);
  for (const c of report.communities.list) for (const m of c.central) nameOf.set(m.id, m.name);
  for (const c of report.cliques.list)
    c.members.forEach((id, i) => {
      nameOf.set(id, c.names[i] ?? id);
    });
  if (report.options.members)
    for (const i of report.intersections)
      (i.members ?? []).forEach((id, k) => {
        const name = i.memberNames?.[k];
        if (name !== undefined) nameOf.set(id, name);
      });

  blocks.push({
    kind: 'title',
    heading: w.reportTitle,
    text: w.title(t.groups, t.events, t.records, t.people),
  });

  if (shown.has('story')) {
    blocks.push({ kind: 'heading', text: w.inBrief });
    blocks.push({ kind: 'paragraph', text: w.story(storyFacts(report, lang, hidden)) });
  }

  if (shown.has('groups')) {
    blocks.push({ kind: 'heading', text: w.groups });
    blocks.push({
      kind: 'table',
      head: w.groupsHead,
      align: ['l', 'r', 'r', 'r', 'r', 'r'],
      widths: [36, 7, 8, 8, 9, 17],
      rows: report.groups.map((g) => [
        g.name,
        String(g.events),
        String(g.records),
        count(g.people),
        shownCount(g.exclusive, exclusiveHidden(report, hidden, g.name), hidden.k),
        f.percent(g.regularShare),
      ]),
    });
  }

  const hiddenPairs = new Set(report.pairs.filter((_, i) => hidden.pairs.has(i)));
  const pairs = [...report.pairs].sort(
    (x, y) => y.shared - x.shared || y.jaccard - x.jaccard || (x.a + x.b < y.a + y.b ? -1 : 1),
  );
  if (shown.has('pairs')) {
    const edges = pairs.filter((p) => p.shared > 0).slice(0, GRAPH_EDGES);
    blocks.push({
      kind: 'group-graph',
      title: w.graph,
      note: w.graphNote,
      groups: report.groups.map((g) => g.name),
      edges: edges.map((p) => ({
        a: p.a,
        b: p.b,
        label: shownCount(p.shared, hiddenPairs.has(p), hidden.k),
      })),
    });
    const shownPairs = pairs.length <= 45 ? pairs : pairs.slice(0, Math.max(top, 20));
    blocks.push({ kind: 'heading', text: w.pairs });
    blocks.push({
      kind: 'paragraph',
      text: w.pairsNote(
        report.options.population.n,
        report.options.population.source,
        report.pairs.length,
      ),
      tone: 'dim',
    });
    blocks.push({
      kind: 'table',
      head: w.pairsHead,
      align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      widths: [19, 19, 6, 5, 6, 6, 5, 7, 7],
      rows: shownPairs.map((p) =>
        hiddenPairs.has(p)
          ? [p.a, p.b, `<${hidden.k}`, '–', '–', f.one(p.expected), '–', '–', '–']
          : [
              p.a,
              p.b,
              p.shared === 0 ? bad('0') : String(p.shared),
              f.fixed2(p.jaccard),
              f.fixed2(p.overlap),
              f.one(p.expected),
              p.lift === null ? '–' : f.one(p.lift),
              f.pvalue(p.pValue),
              p.qValue < 0.05 ? { text: f.pvalue(p.qValue), tone: 'good' } : f.pvalue(p.qValue),
            ],
      ),
    });
    blocks.push(...more(lang, pairs.length, shownPairs.length));
  }

  if (shown.has('intersections')) {
    blocks.push({ kind: 'heading', text: w.intersections });
    const mostPeople = Math.max(1, ...report.intersections.map((i) => i.people));
    blocks.push({
      kind: 'bars',
      unit: w.people,
      rows: report.intersections.slice(0, top).map((i, k) => ({
        label: i.groups.join(' + '),
        // A hidden count draws no bar: its length would tell the number.
        value: hidden.intersections.has(k) ? 0 : i.people / mostPeople,
        text: shownCount(i.people, hidden.intersections.has(k), hidden.k),
      })),
    });
    if (report.options.members) {
      for (const [k, i] of report.intersections.slice(0, top).entries()) {
        // The names of a hidden cell would count it.
        if (hidden.intersections.has(k)) continue;
        blocks.push({
          kind: 'details',
          summary: `${w.membersOf(i.groups.join(' + '))} (${i.people})`,
          items: (i.members ?? []).map((id) => nameOf.get(id) ?? id),
        });
      }
    }
    blocks.push(
      ...more(lang, report.intersections.length, Math.min(top, report.intersections.length)),
    );
  }

  if (shown.has('fish')) {
    blocks.push({ kind: 'heading', text: w.groupsPerPerson });
    const mostHist = Math.max(1, ...report.fish.groupsPerPerson.map((h) => h.people));
    blocks.push({
      kind: 'bars',
      unit: w.people,
      rows: report.fish.groupsPerPerson.map((h, k) => ({
        label: String(h.groups),
        value: hidden.histogram.has(k) ? 0 : h.people / mostHist,
        text: shownCount(h.people, hidden.histogram.has(k), hidden.k),
      })),
    });
    // A chart needs every number: none when some are hidden.
    if (hidden.histogram.size === 0)
      blocks.push({
        kind: 'chart',
        title: w.groupsPerPerson,
        x: w.groupsPerPersonAxis,
        y: w.people,
        labels: report.fish.groupsPerPerson.map((h) => String(h.groups)),
        values: report.fish.groupsPerPerson.map((h) => h.people),
      });
    blocks.push({
      kind: 'paragraph',
      text: w.concentration(
        f.percent(report.fish.top10Share),
        report.fish.gini === null ? '–' : f.fixed2(report.fish.gini),
      ),
    });

    const regulars = report.fish.regulars;
    blocks.push({ kind: 'heading', text: w.regulars(report.fish.minGroups, regulars.length) });
    if (regulars.length === 0) blocks.push({ kind: 'paragraph', text: w.nobody });
    else {
      blocks.push({
        kind: 'table',
        head: w.regularsHead,
        align: ['l', 'l', 'r', 'r', 'l'],
        widths: [24, 6, 6, 6, 48],
        rows: regulars
          .slice(0, top)
          .map((r) => [
            r.name,
            dim(r.id),
            String(r.groups.length),
            String(r.events),
            r.groups.join(', '),
          ]),
      });
      blocks.push(...more(lang, regulars.length, Math.min(top, regulars.length)));
    }
  }

  if (shown.has('bridges')) {
    blocks.push({ kind: 'heading', text: w.bridges });
    const b = report.betweenness;
    blocks.push({
      kind: 'paragraph',
      text: w.bridgesNote(b.exact, b.pivots ?? 0, report.options.seed, b.cutVertices),
      tone: 'dim',
    });
    if (report.bridges.length === 0) blocks.push({ kind: 'paragraph', text: w.noBridges });
    else {
      blocks.push({
        kind: 'table',
        head: w.bridgesHead,
        align: ['l', 'r', 'l', 'r', 'r', 'r'],
        widths: [30, 11, 7, 10, 9, 7],
        rows: report.bridges
          .slice(0, top)
          .map((x) => [
            x.name,
            f.decimals(x.betweenness, 4),
            x.cutVertex ? bad(w.yes) : w.no,
            x.constraint === null ? '–' : f.decimals(x.constraint, 3),
            x.effectiveSize === null ? '–' : f.one(x.effectiveSize),
            String(x.groups.length),
          ]),
      });
    }
  }

  if (shown.has('communities')) {
    const c = report.communities;
    blocks.push({ kind: 'heading', text: w.communities });
    const real = c.list.filter((x) => x.size >= 2);
    blocks.push({
      kind: 'paragraph',
      text: w.communitiesNote(
        c.seed,
        f.decimals(c.resolution, c.resolution % 1 === 0 ? 0 : 2),
        real.length,
        c.modularity === null ? '–' : f.fixed2(c.modularity),
      ),
      tone: 'dim',
    });
    if (real.length > 0) {
      blocks.push({
        kind: 'table',
        head: w.communitiesHead,
        align: ['r', 'r', 'l', 'l'],
        widths: [3, 5, 44, 40],
        rows: real.slice(0, top).map((x) => [
          String(x.id),
          String(x.size),
          Object.entries(x.groups)
            .slice(0, 3)
            .map(([g, n]) => `${g} (${n})`)
            .join(', '),
          x.central.map((m) => m.name).join(', '),
        ]),
      });
      blocks.push(...more(lang, real.length, Math.min(top, real.length)));
    }
  }

  if (shown.has('cliques')) {
    const q = report.cliques;
    blocks.push({ kind: 'heading', text: w.cliques(q.minShared) });
    blocks.push({
      kind: 'paragraph',
      text: w.cliquesNote(
        q.list.length,
        q.capped ? report.options.cliqueCap : null,
        q.coreSize,
        q.maxCore,
      ),
      tone: q.capped ? 'bad' : 'dim',
    });
    const shownCliques = distinctCliques(q.list, Math.min(top, 5));
    if (q.list.length > 0) {
      blocks.push({
        kind: 'table',
        head: w.cliquesHead,
        align: ['r', 'l', 'r'],
        widths: [5, 80, 7],
        rows: shownCliques.map((x) => [
          String(x.size),
          x.names.join(', '),
          String(x.groups.length),
        ]),
      });
      const skipped =
        shownCliques.length < Math.min(top, 5, q.list.length) ||
        shownCliques.some((c, i) => c !== q.list[i]);
      if (skipped) blocks.push({ kind: 'paragraph', text: w.cliquesDistinct, tone: 'dim' });
      blocks.push(...more(lang, q.list.length, shownCliques.length));
    }
  }

  if (shown.has('never-meet')) {
    blocks.push({ kind: 'heading', text: w.neverMeet });
    if (report.disconnected.length === 0) blocks.push({ kind: 'paragraph', text: w.allMeet });
    for (const d of report.disconnected.slice(0, top)) {
      const path =
        d.path === null
          ? w.noChain
          : w.chain(
              d.path
                .map((step, i) => (i % 2 === 1 ? `(${nameOf.get(step) ?? step})` : step))
                .join(' '),
            );
      const intro =
        d.introducers.length === 0
          ? w.noIntroducer
          : w.introducers(d.introducers.map((i) => `${i.name} (${i.ties})`).join(', '));
      blocks.push({ kind: 'paragraph', text: `${d.a} × ${d.b}: ${path}; ${intro}.` });
    }
    blocks.push(
      ...more(lang, report.disconnected.length, Math.min(top, report.disconnected.length)),
    );
  }

  if (shown.has('pond')) {
    const pop = report.population;
    blocks.push({ kind: 'heading', text: w.pond });
    const chapmanText =
      pop.chapman === null
        ? ''
        : w.chapman(
            pop.chapman.a,
            pop.chapman.b,
            f.one(pop.chapman.estimate),
            f.one(pop.chapman.ci95[0]),
            f.one(pop.chapman.ci95[1]),
          );
    blocks.push({
      kind: 'paragraph',
      text: w.pondText(
        pop.observed,
        shownCount(pop.f1, hidden.histogram.has(0), hidden.k),
        shownCount(pop.f2, hidden.histogram.has(1), hidden.k),
        f.one(pop.chao1.estimate),
        f.one(pop.chao1.se),
        f.one(pop.chao1.ci95[0]),
        f.one(pop.chao1.ci95[1]),
        f.percent(pop.coverage),
        chapmanText,
      ),
    });
  }

  if (shown.has('reach')) {
    blocks.push({ kind: 'heading', text: w.reach });
    blocks.push({
      kind: 'table',
      head: w.reachHead,
      align: ['r', 'l', 'r', 'r'],
      widths: [7, 40, 13, 6],
      rows: report.reach.order
        .slice(0, top)
        .map((r, i) => [String(i + 1), r.group, String(r.gain), String(r.cumulative)]),
    });
    if (report.reach.have.length > 0) {
      blocks.push({ kind: 'paragraph', text: w.have(listOf(report.reach.have, lang)) });
      blocks.push({
        kind: 'table',
        head: w.haveHead,
        align: ['l', 'r'],
        widths: [40, 13],
        rows: report.reach.marginal.slice(0, top).map((m) => [m.group, String(m.gain)]),
      });
    }
  }

  if (shown.has('fresh') && report.freshness.length > 0) {
    blocks.push({ kind: 'heading', text: w.fresh });
    blocks.push({
      kind: 'table',
      head: w.freshHead,
      align: ['l', 'l', 'r', 'r', 'r', 'r'],
      widths: [36, 7, 12, 4, 5, 13],
      rows: report.freshness.map((x) => [
        x.group,
        x.month,
        String(x.attendees),
        String(x.newcomers),
        f.percent(x.attendees === 0 ? null : x.newcomers / x.attendees),
        String(x.returningLater),
      ]),
    });
  }

  if (shown.has('accounting')) {
    blocks.push(...locatedCodes(lang, w.skipped, 'reason', report.skipped));
    blocks.push(...locatedCodes(lang, w.findings, 'finding', report.findings));
    // The population caveat is said in the pond paragraph already.
    const notes = report.notes.filter((n) => !n.startsWith('population:'));
    if (notes.length > 0) {
      blocks.push({ kind: 'heading', text: w.notes });
      for (const note of notes)
        blocks.push({ kind: 'paragraph', text: noteText(note, lang), tone: 'dim' });
    }
  }
  return blocks;
}
