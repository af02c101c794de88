// Report → a document of blocks (headings, paragraphs, tables, bars) that the text and Markdown
// renderers lay out, each escaping values for its medium. Deciding what to show, in which order
// and how numbers read happens here once; renderers only format.
import type { OverlapReport } from '../report/schema.js';
import { fixed2, one, percent, plural, pvalue } from './format.js';
import { codesOf, explain } from './messages.js';

export type Tone = 'plain' | 'strong' | 'dim' | 'bad' | 'good';
export type Cell = string | { readonly text: string; readonly tone: Tone };

export type Block =
  | { readonly kind: 'title'; readonly text: string }
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
      readonly rows: readonly { label: string; value: number; text: string }[];
    };

export interface DocumentOptions {
  /** How many rows long lists show (the JSON is always complete). */
  readonly top: number;
}

export const DOCUMENT_DEFAULTS: Readonly<DocumentOptions> = Object.freeze({ top: 10 });

const bad = (text: string): Cell => ({ text, tone: 'bad' });
const dim = (text: string): Cell => ({ text, tone: 'dim' });

/** "… and 12 more (all in -f json)" when a list was cut. */
function more(total: number, shown: number): Block[] {
  return total > shown
    ? [
        {
          kind: 'paragraph',
          text: `… and ${total - shown} more (all of them in -f json)`,
          tone: 'dim',
        },
      ]
    : [];
}

/** A table of `file:line` codes with one sentence per code; nothing when the list is empty. */
function locatedCodes(
  title: string,
  column: string,
  items: readonly { path: string; line: number; code: string }[],
): Block[] {
  if (items.length === 0) return [];
  return [
    { kind: 'heading', text: `${title} (${items.length})` },
    {
      kind: 'table',
      head: ['file', 'line', column],
      align: ['l', 'r', 'l'],
      widths: [60, 6, 20],
      rows: items.map((s) => [s.path, String(s.line), s.code]),
    },
    ...codesOf(items).map(
      (code): Block => ({ kind: 'paragraph', text: `${code}: ${explain(code)}`, tone: 'dim' }),
    ),
  ];
}

export function buildDocument(
  report: OverlapReport,
  options: Partial<DocumentOptions> = {},
): Block[] {
  const { top } = { ...DOCUMENT_DEFAULTS, ...options };
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

  blocks.push({
    kind: 'title',
    text: `netz overlap: ${plural(t.groups, 'group')}, ${plural(t.events, 'event')}, ${plural(t.records, 'record')}, ${plural(t.people, 'person', 'people')}`,
  });

  blocks.push({ kind: 'heading', text: 'Groups' });
  blocks.push({
    kind: 'table',
    head: ['group', 'events', 'records', 'people', 'exclusive', 'regulars hold'],
    align: ['l', 'r', 'r', 'r', 'r', 'r'],
    widths: [36, 6, 7, 6, 9, 13],
    rows: report.groups.map((g) => [
      g.name,
      String(g.events),
      String(g.records),
      String(g.people),
      String(g.exclusive),
      percent(g.regularShare),
    ]),
  });

  const pairs = [...report.pairs].sort(
    (x, y) => y.shared - x.shared || y.jaccard - x.jaccard || (x.a + x.b < y.a + y.b ? -1 : 1),
  );
  const shownPairs = pairs.length <= 45 ? pairs : pairs.slice(0, Math.max(top, 20));
  blocks.push({ kind: 'heading', text: 'Pairs of groups' });
  blocks.push({
    kind: 'paragraph',
    text: `Expected overlap, lift and p (hypergeometric, P(X ≥ shared)) assume a population of ${report.options.population.n} people (${report.options.population.source}); q is Benjamini–Hochberg over all ${report.pairs.length} pairs.`,
    tone: 'dim',
  });
  blocks.push({
    kind: 'table',
    head: ['group A', 'group B', 'shared', 'jacc.', 'overl.', 'exp.', 'lift', 'p', 'q'],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    widths: [19, 19, 6, 5, 6, 6, 5, 7, 7],
    rows: shownPairs.map((p) => [
      p.a,
      p.b,
      p.shared === 0 ? bad('0') : String(p.shared),
      fixed2(p.jaccard),
      fixed2(p.overlap),
      one(p.expected),
      p.lift === null ? '–' : one(p.lift),
      pvalue(p.pValue),
      p.qValue < 0.05 ? { text: pvalue(p.qValue), tone: 'good' } : pvalue(p.qValue),
    ]),
  });
  blocks.push(...more(pairs.length, shownPairs.length));

  blocks.push({ kind: 'heading', text: 'Intersections (exactly these groups)' });
  const mostPeople = Math.max(1, ...report.intersections.map((i) => i.people));
  blocks.push({
    kind: 'bars',
    rows: report.intersections.slice(0, top).map((i) => ({
      label: i.groups.join(' + '),
      value: i.people / mostPeople,
      text: String(i.people),
    })),
  });
  if (report.options.members) {
    for (const i of report.intersections.slice(0, top)) {
      blocks.push({
        kind: 'paragraph',
        text: `${i.groups.join(' + ')}: ${(i.members ?? []).map((id) => nameOf.get(id) ?? id).join(', ')}`,
      });
    }
  }
  blocks.push(...more(report.intersections.length, Math.min(top, report.intersections.length)));

  blocks.push({ kind: 'heading', text: 'Groups per person' });
  const mostHist = Math.max(1, ...report.fish.groupsPerPerson.map((h) => h.people));
  blocks.push({
    kind: 'bars',
    rows: report.fish.groupsPerPerson.map((h) => ({
      label: String(h.groups),
      value: h.people / mostHist,
      text: String(h.people),
    })),
  });
  blocks.push({
    kind: 'paragraph',
    text: `The top 10 % of people hold ${percent(report.fish.top10Share)} of all records; Gini of records per person: ${report.fish.gini === null ? '–' : fixed2(report.fish.gini)}.`,
  });

  const regulars = report.fish.regulars;
  blocks.push({
    kind: 'heading',
    text: `Regulars: in ${report.fish.minGroups} or more groups (${plural(regulars.length, 'person', 'people')})`,
  });
  if (regulars.length === 0) blocks.push({ kind: 'paragraph', text: 'Nobody.' });
  else {
    blocks.push({
      kind: 'table',
      head: ['name', 'id', 'groups', 'events', 'in'],
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
    blocks.push(...more(regulars.length, Math.min(top, regulars.length)));
  }

  blocks.push({ kind: 'heading', text: 'Bridges' });
  const b = report.betweenness;
  blocks.push({
    kind: 'paragraph',
    text: `Betweenness on the person projection (people are linked when they shared an event), ${b.exact ? 'exact' : `estimated from ${b.pivots} sampled people (seed ${report.options.seed})`}; ${plural(b.cutVertices, 'person is a cut vertex', 'people are cut vertices')} whose absence splits the network.`,
    tone: 'dim',
  });
  if (report.bridges.length === 0)
    blocks.push({ kind: 'paragraph', text: 'Nobody lies between others.' });
  else {
    blocks.push({
      kind: 'table',
      head: ['name', 'betweenness', 'cut', 'constraint', 'eff. size', 'groups'],
      align: ['l', 'r', 'l', 'r', 'r', 'r'],
      widths: [30, 11, 3, 10, 9, 6],
      rows: report.bridges
        .slice(0, top)
        .map((x) => [
          x.name,
          x.betweenness.toFixed(4),
          x.cutVertex ? bad('yes') : 'no',
          x.constraint === null ? '–' : x.constraint.toFixed(3),
          x.effectiveSize === null ? '–' : one(x.effectiveSize),
          String(x.groups.length),
        ]),
    });
  }

  const c = report.communities;
  blocks.push({ kind: 'heading', text: 'Communities' });
  const real = c.list.filter((x) => x.size >= 2);
  blocks.push({
    kind: 'paragraph',
    text: `Louvain on shared events (seed ${c.seed}, resolution ${c.resolution}): ${plural(real.length, 'community', 'communities')} of two or more people, modularity ${c.modularity === null ? '–' : fixed2(c.modularity)}.`,
    tone: 'dim',
  });
  if (real.length > 0) {
    blocks.push({
      kind: 'table',
      head: ['#', 'size', 'mostly from', 'central members'],
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
    blocks.push(...more(real.length, Math.min(top, real.length)));
  }

  const q = report.cliques;
  blocks.push({
    kind: 'heading',
    text: `Cliques: people who shared ${q.minShared} or more events`,
  });
  blocks.push({
    kind: 'paragraph',
    text: `${plural(q.list.length, 'maximal clique')} of three or more${q.capped ? ` (stopped at the cap of ${report.options.cliqueCap})` : ''}; innermost core: ${plural(q.coreSize, 'person', 'people')} with core number ${q.maxCore}.`,
    tone: q.capped ? 'bad' : 'dim',
  });
  if (q.list.length > 0) {
    blocks.push({
      kind: 'table',
      head: ['size', 'members', 'groups'],
      align: ['r', 'l', 'r'],
      widths: [4, 80, 6],
      rows: q.list
        .slice(0, Math.min(top, 5))
        .map((x) => [String(x.size), x.names.join(', '), String(x.groups.length)]),
    });
    blocks.push(...more(q.list.length, Math.min(top, 5, q.list.length)));
  }

  blocks.push({ kind: 'heading', text: 'Groups that never meet' });
  if (report.disconnected.length === 0)
    blocks.push({ kind: 'paragraph', text: 'Every pair of groups shares somebody.' });
  for (const d of report.disconnected.slice(0, top)) {
    const path =
      d.path === null
        ? 'no chain of shared members links them'
        : `nearest chain: ${d.path.map((step, i) => (i % 2 === 1 ? `(${nameOf.get(step) ?? step})` : step)).join(' ')}`;
    const intro =
      d.introducers.length === 0
        ? 'nobody of either group has met anyone of the other'
        : `could introduce: ${d.introducers.map((i) => `${i.name} (${i.ties})`).join(', ')}`;
    blocks.push({ kind: 'paragraph', text: `${d.a} × ${d.b}: ${path}; ${intro}.` });
  }
  blocks.push(...more(report.disconnected.length, Math.min(top, report.disconnected.length)));

  const pop = report.population;
  blocks.push({ kind: 'heading', text: 'How big is the pond?' });
  const chapmanText =
    pop.chapman === null
      ? ''
      : ` Chapman for the two largest lists (${pop.chapman.a} × ${pop.chapman.b}): ${one(pop.chapman.estimate)} (95 % ${one(pop.chapman.ci95[0])}–${one(pop.chapman.ci95[1])}).`;
  blocks.push({
    kind: 'paragraph',
    text: `${pop.observed} people seen; ${pop.f1} in one group, ${pop.f2} in two. Chao1 estimates at least ${one(pop.chao1.estimate)} (se ${one(pop.chao1.se)}, 95 % ${one(pop.chao1.ci95[0])}–${one(pop.chao1.ci95[1])}), so the lists have caught ${percent(pop.coverage)} of the pond.${chapmanText} Regulars make lists dependent, so these are lower bounds.`,
  });

  blocks.push({ kind: 'heading', text: 'Reach: where to meet the most new people' });
  blocks.push({
    kind: 'table',
    head: ['step', 'group', 'new people', 'total'],
    align: ['r', 'l', 'r', 'r'],
    widths: [4, 40, 10, 6],
    rows: report.reach.order
      .slice(0, top)
      .map((r, i) => [String(i + 1), r.group, String(r.gain), String(r.cumulative)]),
  });
  if (report.reach.have.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Already attending ${report.reach.have.join(', ')}; new people each other group adds:`,
    });
    blocks.push({
      kind: 'table',
      head: ['group', 'new people'],
      align: ['l', 'r'],
      widths: [40, 10],
      rows: report.reach.marginal.slice(0, top).map((m) => [m.group, String(m.gain)]),
    });
  }

  if (report.freshness.length > 0) {
    blocks.push({ kind: 'heading', text: 'Fresh faces per month' });
    blocks.push({
      kind: 'table',
      head: ['group', 'month', 'attendees', 'new', 'new %', 'seen later'],
      align: ['l', 'l', 'r', 'r', 'r', 'r'],
      widths: [36, 7, 9, 4, 5, 10],
      rows: report.freshness.map((f) => [
        f.group,
        f.month,
        String(f.attendees),
        String(f.newcomers),
        percent(f.attendees === 0 ? null : f.newcomers / f.attendees),
        String(f.returningLater),
      ]),
    });
  }

  blocks.push(...locatedCodes('Skipped rows', 'reason', report.skipped));
  blocks.push(...locatedCodes('Findings', 'finding', report.findings));
  // The population caveat is said in the pond paragraph already.
  const notes = report.notes.filter((n) => !n.startsWith('population:'));
  if (notes.length > 0) {
    blocks.push({ kind: 'heading', text: 'Notes' });
    for (const note of notes) blocks.push({ kind: 'paragraph', text: note, tone: 'dim' });
  }
  return blocks;
}
