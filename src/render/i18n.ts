// The words of the human-readable reports, in English and German: every heading, table head and
// sentence the text and Markdown renderers show, and how numbers read (0.42 / 0,42). JSON keys and
// values stay English. Sentences are functions of the numbers they carry, so that each language
// can order and inflect them its own way.

export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** The language of the environment: LC_ALL, then LC_MESSAGES, then LANG; German when it says so. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const value of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (value !== undefined && value !== '') return /^de(?:[_.@-]|$)/i.test(value) ? 'de' : 'en';
  }
  return 'en';
}

/** Number formatting for one language. */
export interface Numbers {
  /** A ratio with two decimals: 0.4 → "0.40" / "0,40". */
  fixed2(value: number): string;
  /** A share as a whole percentage: 0.413 → "41 %"; null → "–". */
  percent(value: number | null): string;
  /** A p- or q-value: three decimals, or scientific below 0.001. */
  pvalue(value: number): string;
  /** An estimate with one decimal; null → "–". */
  one(value: number | null): string;
  /** A number with the given decimals. */
  decimals(value: number, digits: number): string;
}

export function numbers(lang: Lang): Numbers {
  const local = (text: string) => (lang === 'de' ? text.replace('.', ',') : text);
  return {
    fixed2: (value) => local(value.toFixed(2)),
    percent: (value) => (value === null ? '–' : `${Math.round(value * 100)} %`),
    pvalue: (value) => {
      if (value === 0) return '0';
      return local(value < 0.001 ? value.toExponential(1) : value.toFixed(3));
    },
    one: (value) => (value === null ? '–' : local(value.toFixed(1))),
    decimals: (value, digits) => local(value.toFixed(digits)),
  };
}

/** "1 group" / "2 groups"; the many form defaults to the word plus s. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface StoryFacts {
  readonly groups: number;
  readonly people: number;
  readonly minGroups: number;
  readonly regulars: number;
  /** The regulars' count as shown ("<5" under --min-cell). */
  readonly regularsShown: string;
  /** Share of all records held by the regulars, null when there are no records. */
  readonly regularSeats: string;
  readonly disconnected: readonly (readonly [string, string])[];
  readonly closest: {
    readonly a: string;
    readonly b: string;
    readonly shared: number;
    readonly sharedShown: string;
  } | null;
  readonly bridge: { readonly name: string; readonly cut: boolean; readonly groups: number } | null;
  readonly pond: string | null;
  readonly coverage: string | null;
}

const join = (items: readonly string[], and: string) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const EN = {
  title: (groups: number, events: number, records: number, people: number) =>
    `${count(groups, 'group')}, ${count(events, 'event')}, ${count(records, 'record')}, ${count(people, 'person', 'people')}`,
  reportTitle: 'netz overlap report',
  story: (s: StoryFacts) => {
    const parts = [
      `${count(s.groups, 'group')}, ${count(s.people, 'person', 'people')}; ${
        s.regulars === 0
          ? `nobody is in ${s.minGroups} or more nets`
          : `${s.regularsShown} ${s.regulars === 1 ? 'is' : 'are'} in ${s.minGroups} or more nets and hold ${s.regularSeats} of all seats`
      }.`,
    ];
    if (s.closest !== null)
      parts.push(
        `${s.closest.a} and ${s.closest.b} overlap most (${s.closest.sharedShown} ${s.closest.shared === 1 ? 'person' : 'people'} in both).`,
      );
    if (s.disconnected.length === 1) {
      const [a, b] = s.disconnected[0] as readonly [string, string];
      parts.push(`${a} and ${b} share nobody.`);
    } else if (s.disconnected.length > 1) {
      const [a, b] = s.disconnected[0] as readonly [string, string];
      parts.push(
        `${s.disconnected.length} pairs of groups share nobody, among them ${a} and ${b}.`,
      );
    } else parts.push('Every pair of groups shares somebody.');
    if (s.bridge !== null)
      parts.push(
        s.bridge.cut
          ? `${s.bridge.name} is the strongest bridge, in ${count(s.bridge.groups, 'group')}: without this person the network falls apart.`
          : `${s.bridge.name} is the strongest bridge, in ${count(s.bridge.groups, 'group')}.`,
      );
    if (s.pond !== null && s.coverage !== null)
      parts.push(
        `The pond holds at least ${s.pond} people (Chao1); the lists have caught ${s.coverage} of them.`,
      );
    return parts.join(' ');
  },
  inBrief: 'In brief',
  groups: 'Groups',
  groupsHead: ['group', 'events', 'records', 'people', 'exclusive', 'regulars hold'],
  pairs: 'Pairs of groups',
  pairsNote: (n: number, source: string, pairs: number) =>
    `Expected overlap, lift and p (hypergeometric, P(X ≥ shared)) assume a population of ${n} people (${source === 'chao1' ? 'Chao1 estimate' : 'people seen'}); q is Benjamini–Hochberg over all ${count(pairs, 'pair')}.`,
  pairsHead: ['group A', 'group B', 'shared', 'jacc.', 'overl.', 'exp.', 'lift', 'p', 'q'],
  more: (n: number) => `… and ${n} more (all of them in -f json)`,
  intersections: 'Intersections (exactly these groups)',
  people: 'people',
  membersOf: (groups: string) => `Who is in exactly ${groups}`,
  groupsPerPerson: 'Groups per person',
  groupsPerPersonAxis: 'groups',
  concentration: (share: string, gini: string) =>
    `The top 10 % of people hold ${share} of all records; Gini of records per person: ${gini}.`,
  regulars: (min: number, n: number) =>
    `Regulars: in ${min} or more groups (${count(n, 'person', 'people')})`,
  nobody: 'Nobody.',
  regularsHead: ['name', 'id', 'groups', 'events', 'in'],
  bridges: 'Bridges',
  bridgesNote: (exact: boolean, pivots: number, seed: number, cut: number) =>
    `Betweenness on the person projection (people are linked when they shared an event), ${exact ? 'exact' : `estimated from ${pivots} sampled people (seed ${seed})`}; ${count(cut, 'person is a cut vertex', 'people are cut vertices')} whose absence splits the network.`,
  noBridges: 'Nobody lies between others.',
  bridgesHead: ['name', 'betweenness', 'cut', 'constraint', 'eff. size', 'groups'],
  yes: 'yes',
  no: 'no',
  communities: 'Communities',
  communitiesNote: (seed: number, resolution: string, n: number, modularity: string) =>
    `Louvain on shared events (seed ${seed}, resolution ${resolution}): ${count(n, 'community', 'communities')} of two or more people, modularity ${modularity}.`,
  communitiesHead: ['#', 'size', 'mostly from', 'central members'],
  cliques: (min: number) => `Cliques: people who shared ${min} or more events`,
  cliquesNote: (n: number, cap: number | null, core: number, maxCore: number) =>
    `${count(n, 'maximal clique')} of three or more${cap === null ? '' : ` (the largest found before the cap of ${cap} cliques or the work limit; there may be more)`}; innermost core: ${count(core, 'person', 'people')} with core number ${maxCore}.`,
  cliquesHead: ['size', 'members', 'groups'],
  cliquesDistinct:
    'Shown: the largest cliques that share at most half their members with a larger one shown.',
  neverMeet: 'Groups that never meet',
  allMeet: 'Every pair of groups shares somebody.',
  noChain: 'no chain of shared members links them',
  chain: (path: string) => `nearest chain: ${path}`,
  noIntroducer: 'nobody of either group has met anyone of the other',
  introducers: (list: string) => `could introduce: ${list}`,
  pond: 'How big is the pond?',
  chapman: (a: string, b: string, estimate: string, low: string, high: string) =>
    ` Chapman for the two largest lists (${a} × ${b}): ${estimate} (95 % ${low}–${high}).`,
  pondText: (
    observed: number,
    f1: number | string,
    f2: number | string,
    chao: string,
    se: string,
    low: string,
    high: string,
    coverage: string,
    chapman: string,
  ) =>
    `${observed} people seen; ${f1} in one group, ${f2} in two. Chao1 estimates at least ${chao} (se ${se}, 95 % ${low}–${high}), so the lists have caught ${coverage} of the pond.${chapman} Regulars make lists dependent, so these are lower bounds.`,
  reach: 'Reach: where to meet the most new people',
  reachHead: ['step', 'group', 'new people', 'total'],
  have: (groups: string) => `Already attending ${groups}; new people each other group adds:`,
  haveHead: ['group', 'new people'],
  fresh: 'Fresh faces per month',
  freshHead: ['group', 'month', 'attendees', 'new', 'new %', 'seen later'],
  skipped: 'Skipped rows',
  findings: 'Findings',
  locatedHead: (column: 'reason' | 'finding') => ['file', 'line', column],
  notes: 'Notes',
  and: 'and',
  graph: 'Groups and the people they share',
  graphNote:
    'Each line joins two groups that share people; the number is how many. Groups without a line share nobody with anyone shown.',
};

export type Words = typeof EN;

const DE: Words = {
  title: (groups, events, records, people) =>
    `${count(groups, 'Gruppe', 'Gruppen')}, ${count(events, 'Termin', 'Termine')}, ${count(records, 'Eintrag', 'Einträge')}, ${count(people, 'Person', 'Personen')}`,
  reportTitle: 'netz-Überschneidungsbericht',
  story: (s) => {
    const parts = [
      `${count(s.groups, 'Gruppe', 'Gruppen')}, ${count(s.people, 'Person', 'Personen')}; ${
        s.regulars === 0
          ? `niemand ist in ${s.minGroups} oder mehr Netzen`
          : `${s.regularsShown} ${s.regulars === 1 ? 'ist' : 'sind'} in ${s.minGroups} oder mehr Netzen und ${s.regulars === 1 ? 'belegt' : 'belegen'} ${s.regularSeats} aller Plätze`
      }.`,
    ];
    if (s.closest !== null)
      parts.push(
        `${s.closest.a} und ${s.closest.b} überschneiden sich am stärksten (${s.closest.sharedShown} ${s.closest.shared === 1 ? 'Person' : 'Personen'} in beiden).`,
      );
    if (s.disconnected.length === 1) {
      const [a, b] = s.disconnected[0] as readonly [string, string];
      parts.push(`${a} und ${b} haben niemanden gemeinsam.`);
    } else if (s.disconnected.length > 1) {
      const [a, b] = s.disconnected[0] as readonly [string, string];
      parts.push(
        `${s.disconnected.length} Paare von Gruppen haben niemanden gemeinsam, darunter ${a} und ${b}.`,
      );
    } else parts.push('Jedes Paar von Gruppen hat jemanden gemeinsam.');
    if (s.bridge !== null)
      parts.push(
        s.bridge.cut
          ? `${s.bridge.name} ist die stärkste Brücke, in ${count(s.bridge.groups, 'Gruppe', 'Gruppen')}: ohne diese Person zerfällt das Netz.`
          : `${s.bridge.name} ist die stärkste Brücke, in ${count(s.bridge.groups, 'Gruppe', 'Gruppen')}.`,
      );
    if (s.pond !== null && s.coverage !== null)
      parts.push(
        `Im Teich sind mindestens ${s.pond} Personen (Chao1); die Listen haben ${s.coverage} davon erfasst.`,
      );
    return parts.join(' ');
  },
  inBrief: 'Auf einen Blick',
  groups: 'Gruppen',
  groupsHead: ['Gruppe', 'Termine', 'Einträge', 'Personen', 'nur hier', 'Anteil Stammgäste'],
  pairs: 'Paare von Gruppen',
  pairsNote: (n, source, pairs) =>
    `Erwartete Überschneidung, Lift und p (hypergeometrisch, P(X ≥ gemeinsam)) gehen von ${n} Personen aus (${source === 'chao1' ? 'Chao1-Schätzung' : 'gesehene Personen'}); q ist Benjamini–Hochberg über alle ${count(pairs, 'Paar', 'Paare')}.`,
  pairsHead: ['Gruppe A', 'Gruppe B', 'gemeinsam', 'Jacc.', 'Überl.', 'erw.', 'Lift', 'p', 'q'],
  more: (n) => `… und ${n} weitere (alle in -f json)`,
  intersections: 'Schnittmengen (genau diese Gruppen)',
  people: 'Personen',
  membersOf: (groups) => `Wer genau in ${groups} ist`,
  groupsPerPerson: 'Gruppen pro Person',
  groupsPerPersonAxis: 'Gruppen',
  concentration: (share, gini) =>
    `Die obersten 10 % der Personen belegen ${share} aller Einträge; Gini der Einträge pro Person: ${gini}.`,
  regulars: (min, n) =>
    `Stammgäste: in ${min} oder mehr Gruppen (${count(n, 'Person', 'Personen')})`,
  nobody: 'Niemand.',
  regularsHead: ['Name', 'ID', 'Gruppen', 'Termine', 'in'],
  bridges: 'Brücken',
  bridgesNote: (exact, pivots, seed, cut) =>
    `Betweenness im Personennetz (verbunden ist, wer einen Termin geteilt hat), ${exact ? 'exakt' : `geschätzt aus ${pivots} zufällig gewählten Personen (Seed ${seed})`}; ${cut === 1 ? '1 Person ist ein Schnittknoten, ohne den' : `${cut} Personen sind Schnittknoten, ohne die`} das Netz zerfällt.`,
  noBridges: 'Niemand liegt zwischen anderen.',
  bridgesHead: ['Name', 'Betweenness', 'Schnitt', 'Constraint', 'eff. Größe', 'Gruppen'],
  yes: 'ja',
  no: 'nein',
  communities: 'Gemeinschaften',
  communitiesNote: (seed, resolution, n, modularity) =>
    `Louvain über gemeinsame Termine (Seed ${seed}, Auflösung ${resolution}): ${count(n, 'Gemeinschaft', 'Gemeinschaften')} aus zwei oder mehr Personen, Modularität ${modularity}.`,
  communitiesHead: ['#', 'Größe', 'vor allem aus', 'zentrale Mitglieder'],
  cliques: (min) => `Cliquen: Personen, die ${min} oder mehr Termine geteilt haben`,
  cliquesNote: (n, cap, core, maxCore) =>
    `${count(n, 'maximale Clique', 'maximale Cliquen')} aus drei oder mehr Personen${cap === null ? '' : ` (die größten, die vor der Obergrenze von ${cap} Cliquen oder dem Arbeitslimit gefunden wurden; es kann mehr geben)`}; innerster Kern: ${count(core, 'Person', 'Personen')} mit Kernzahl ${maxCore}.`,
  cliquesHead: ['Größe', 'Mitglieder', 'Gruppen'],
  cliquesDistinct:
    'Gezeigt: die größten Cliquen, die höchstens die Hälfte ihrer Mitglieder mit einer größeren gezeigten teilen.',
  neverMeet: 'Gruppen, die sich nie begegnen',
  allMeet: 'Jedes Paar von Gruppen hat jemanden gemeinsam.',
  noChain: 'keine Kette gemeinsamer Mitglieder verbindet sie',
  chain: (path) => `nächste Kette: ${path}`,
  noIntroducer: 'niemand aus der einen Gruppe hat jemanden aus der anderen getroffen',
  introducers: (list) => `könnten vorstellen: ${list}`,
  pond: 'Wie groß ist der Teich?',
  chapman: (a, b, estimate, low, high) =>
    ` Chapman für die zwei größten Listen (${a} × ${b}): ${estimate} (95 % ${low}–${high}).`,
  pondText: (observed, f1, f2, chao, se, low, high, coverage, chapman) =>
    `${observed} Personen gesehen; ${f1} in einer Gruppe, ${f2} in zweien. Chao1 schätzt mindestens ${chao} (se ${se}, 95 % ${low}–${high}), die Listen haben also ${coverage} des Teichs erfasst.${chapman} Stammgäste machen die Listen abhängig, daher sind das Untergrenzen.`,
  reach: 'Reichweite: wo man die meisten neuen Leute trifft',
  reachHead: ['Schritt', 'Gruppe', 'neue Personen', 'gesamt'],
  have: (groups) => `Schon dabei in ${groups}; neue Personen, die jede andere Gruppe bringt:`,
  haveHead: ['Gruppe', 'neue Personen'],
  fresh: 'Neue Gesichter pro Monat',
  freshHead: ['Gruppe', 'Monat', 'Teilnehmende', 'neu', 'neu %', 'später wieder'],
  skipped: 'Übersprungene Zeilen',
  findings: 'Befunde',
  locatedHead: (column) => ['Datei', 'Zeile', column === 'reason' ? 'Grund' : 'Befund'],
  notes: 'Hinweise',
  and: 'und',
  graph: 'Gruppen und die Personen, die sie teilen',
  graphNote:
    'Jede Linie verbindet zwei Gruppen mit gemeinsamen Personen; die Zahl sagt, wie viele. Gruppen ohne Linie teilen mit keiner gezeigten Gruppe jemanden.',
};

export const WORDS: Readonly<Record<Lang, Words>> = { en: EN, de: DE };

/** "A, B and C" / "A, B und C". */
export function listOf(items: readonly string[], lang: Lang): string {
  return join(items, WORDS[lang].and);
}

/** The sentence for a code of a skipped row or finding. */
const EXPLANATIONS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    'missing-identity': 'the row has neither a name nor an e-mail address',
    'ambiguous-name': 'the row has only a name, and several people carry it; kept apart',
    'conflicting-emails':
      'the row shares an id or phone with a person who has another e-mail; kept apart',
    'conflicting-evidence':
      'the row has evidence for a person it cannot join (two accounts on one platform, or a cannot-link)',
    'unknown-status': 'the status value is not known; the row counts with the default status',
    'field-too-long': 'a name or e-mail is longer than any real one; the row is skipped',
    mojibake: "the name looks mis-decoded (Ã¼ for ü); check the file's encoding or use --encoding",
    'ragged-row': 'the row has more cells than the header; the extra cells are ignored',
    'duplicate-header': 'two columns have the same header; the first one is read',
    'unmatched-link': 'a key of the links file matches no record',
  },
  de: {
    'missing-identity': 'die Zeile hat weder einen Namen noch eine E-Mail-Adresse',
    'ambiguous-name':
      'die Zeile hat nur einen Namen, und mehrere Personen tragen ihn; getrennt gehalten',
    'conflicting-emails':
      'die Zeile teilt ID oder Telefon mit einer Person, die eine andere E-Mail hat; getrennt gehalten',
    'conflicting-evidence':
      'die Zeile passt zu einer Person, der sie nicht zugeordnet werden darf (zwei Konten auf einer Plattform oder ein cannot-link)',
    'unknown-status': 'der Status ist unbekannt; die Zeile zählt mit dem Standardstatus',
    'field-too-long':
      'ein Name oder eine E-Mail ist länger als jede echte; die Zeile wird übersprungen',
    mojibake:
      'der Name sieht falsch dekodiert aus (Ã¼ statt ü); Kodierung prüfen oder --encoding angeben',
    'ragged-row':
      'die Zeile hat mehr Zellen als die Kopfzeile; die übrigen Zellen werden ignoriert',
    'duplicate-header': 'zwei Spalten haben dieselbe Überschrift; die erste wird gelesen',
    'unmatched-link': 'ein Schlüssel der Links-Datei passt zu keinem Eintrag',
  },
};

export function explainCode(code: string, lang: Lang): string {
  return EXPLANATIONS[lang][code] ?? code;
}

/** The report's notes ("key: text") in the language; unknown keys keep their English text. */
export function noteText(note: string, lang: Lang): string {
  if (lang === 'en') return note;
  const at = note.indexOf(': ');
  const key = note.slice(0, at);
  const rest = note.slice(at + 2);
  if (key === 'pseudonyms')
    return 'pseudonyms: die Eingaben sind netz-hash-Dateien, exakt über ihre Pseudonyme abgeglichen';
  if (key === 'freshness')
    return 'freshness: keine Termindaten bekannt, daher werden neue Gesichter über die Zeit nicht gemessen';
  if (key === 'attended-only') {
    const list = rest.replace(/^these inputs say nothing about attendance: /, '');
    return `attended-only: diese Eingaben sagen nichts über die Teilnahme: ${list}`;
  }
  return note;
}
