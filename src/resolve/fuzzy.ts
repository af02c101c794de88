// Records → clusters, by scored evidence (the default `--match fuzzy`). Takes records in
// canonical order and returns clusters of record indices, the pairs left for review and
// findings. Candidate pairs come from blocking keys (never all pairs); each pair is scored with
// the weights in weights.ts. Two stages join records:
// 1. identifiers: pairs at the merge threshold with a shared e-mail, platform id or phone, strongest
//    first, unless a cannot-link decision or two accounts on one platform forbid it; a pair whose
//    name is partial ("Köhler", "J. Köhler") only when that name points to one person;
// 2. names: a record joins the one person its name points to ("Köhler, Jürgen", "Tom Müller",
//    "Jürgen K.", a typing error), when the odds that they are one person rather than a namesake
//    reach THRESHOLDS.nameJoin; the odds come from how many people carry such a name by chance
//    (name-frequency.ts). Records with e-mail or phone join on a name only with supporting
//    evidence (the same company); a record without them and with the same full name joins as in
//    --match exact, when exactly one person carries the name. Several candidates: nobody joins.
import { colognePhonetic } from 'cologne-phonetic';
import { numberIn } from '../numbering.js';
import type { Finding, SourceRecord } from '../types.js';
import { type Normalizers, recordNormalizers } from './exact.js';
import { jaroWinkler } from './jaro-winkler.js';
import { memoized } from './memo.js';
import { type NameFrequency, nameFrequency } from './name-frequency.js';
import {
  doubleFirstName,
  fullFirstNames,
  type NameParts,
  nameReadings,
  parseName,
  sameFirstName,
  wordsKey,
} from './names.js';
import { annotationCompany, foldName, LEGAL_FORM } from './normalize.js';
import { strongestFirst } from './pair-order.js';
import { UnionFind } from './union-find.js';
import { MAX_BLOCK, MAX_LOOSE_BLOCK, THRESHOLDS, WEIGHTS } from './weights.js';

export interface Evidence {
  readonly field: 'email' | 'id' | 'phone' | 'name' | 'company';
  readonly level: string;
  readonly weight: number;
}

export interface ScoredPair {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
  readonly evidence: Evidence[];
  /** For a merge: the rule that joined the pair (`people --explain`). */
  readonly rule?: JoinRule;
  /** For a merge by the name's odds: log2 of the odds, at least THRESHOLDS.nameJoin. */
  readonly odds?: number;
  /** For a pair waiting for review: why it did not join (`netz review`). */
  readonly waits?: WaitReason;
}

/**
 * Why a pair in the review band did not join: a cannot-link decision or two accounts of one
 * platform keep its people apart; it shares an e-mail, id or phone but the names differ, or its
 * name is partial and fits several people there; both have e-mail or phone and share none (a name
 * alone never joins them); the names are only close, or one is a lone word or a first name's
 * initial (too little without an identifier); the initial fits several people, or its
 * person is known by a full name already (a Meetup account that wrote both); the name is
 * too common for its odds (below THRESHOLDS.nameJoin: `odds` says how many bits); the record
 * without e-mail or phone joined another person with e-mail or phone who carries its name (by
 * the company, or before the other was known); several people carry the name; or the two people's
 * names hold different middle names.
 */
export type WaitReason =
  | { readonly reason: 'kept-apart' }
  | { readonly reason: 'names-differ' }
  | { readonly reason: 'partial-name' }
  | { readonly reason: 'both-keyed' }
  | { readonly reason: 'close-name' }
  | { readonly reason: 'partial-only' }
  | { readonly reason: 'initial-fits-several' }
  | { readonly reason: 'known-by-full-name' }
  | { readonly reason: 'common-name'; readonly odds: number }
  | { readonly reason: 'joined-another' }
  | { readonly reason: 'several-carry' }
  | { readonly reason: 'middle-names' };

/**
 * Why two records were joined: the same values throughout; a shared e-mail, id or phone at the
 * merge threshold (with a partial name only when it fits one person), or a rare name with the same
 * company at that threshold; the name, by its odds, as
 * the one person who carries it (a record without e-mail or phone), as the one of several
 * carriers who shares the record's company, or as the one person an initial fits when nothing
 * else competes.
 */
export type JoinRule =
  | 'same-values'
  | 'identifier'
  | 'name-and-company'
  | 'partial-identifier'
  | 'name-odds'
  | 'name-carrier'
  | 'name-company'
  | 'initial';

/** What a record brings to comparison, computed once. */
export interface Profile {
  readonly emails: ReadonlySet<string>;
  /** The same e-mails in the order first written (what buildPeople takes). */
  readonly emailList: readonly string[];
  /**
   * Numbers equal exactly when the e-mail sets, and the name keys, of two profiles of one
   * profiler are: the records' signatures (clusterFuzzy) are made of them.
   */
  readonly emailsNumber: number;
  readonly nameNumber: number;
  /** The user names of the e-mails that can tell a person (see usernameOf). */
  readonly usernames: readonly string[];
  readonly ids: ReadonlyMap<string, string>;
  readonly phone: string | undefined;
  readonly name: NameParts | undefined;
  readonly company: string | undefined;
  readonly domains: ReadonlySet<string>;
}

/** Decisions from the links file, as pairs of record indices. */
export interface Constraints {
  readonly must: readonly [number, number][];
  readonly cannot: readonly [number, number][];
}

export interface FuzzyResult {
  readonly clusters: number[][];
  readonly review: ScoredPair[];
  /** The pair that joined each merged record, for `people --explain`. */
  readonly merges: ScoredPair[];
  readonly findings: Finding[];
  /** Each record's normalised e-mails (distinct, in the order first written), for buildPeople. */
  readonly recordEmails: readonly (readonly string[])[];
}

function companyKey(company: string): string | undefined {
  const key = foldName(company)
    .replace(LEGAL_FORM, '')
    .replace(/[^a-z0-9]/g, '');
  return key === '' ? undefined : key;
}

/** The registrable part of an e-mail's domain without its suffix: "firma" of a@mail.firma.de. */
const domainOf = (email: string) =>
  email
    .slice(email.lastIndexOf('@') + 1)
    .split('.')
    .slice(-2, -1)[0] ?? '';

/** Role addresses of organisations: the same one at two providers says nothing about a person. */
const ROLE_NAMES = new Set([
  'anmeldung',
  'contact',
  'events',
  'kanzlei',
  'kontakt',
  'noreply',
  'office',
  'praxis',
  'service',
  'support',
  'verwaltung',
  'vertrieb',
]);

/**
 * The user name of a (normalised) e-mail, before the @ without a +tag, dots, dashes and
 * underscores; undefined when shorter than 6 letters or a role address (too common to tell
 * anyone apart).
 */
export function usernameOf(email: string): string | undefined {
  const local = email.slice(0, email.lastIndexOf('@')).replace(/\+.*$/, '').replace(/[._-]/g, '');
  return local.length < 6 || ROLE_NAMES.has(local) ? undefined : local;
}

/**
 * Returns a profile maker whose normalisations are computed once per distinct value, with the
 * memoised normalisers it is given (shared with building people, which folds the same names).
 */
export function profiler(
  normalizers: Normalizers = recordNormalizers(),
  /** Told of each distinct name as written, parsed, when first met. */
  onName?: (parts: NameParts) => void,
): (record: SourceRecord) => Profile {
  const { email, phone } = normalizers;
  const domain = memoized(domainOf);
  const username = memoized(usernameOf);
  // Numbers for e-mail sets and name keys, given once per spelling (in the memos below) rather
  // than looked up per record.
  const emailNumbers = new Map<string, number>();
  const nameNumbers = new Map<string, number>();
  const company = memoized(companyKey);
  const name = memoized((raw): Named => {
    const parts = parseName(raw, normalizers.name);
    onName?.(parts);
    const added = annotationCompany(raw);
    return {
      parts,
      number: numberIn(nameNumbers, parts.key),
      company: added === undefined ? undefined : company(added),
    };
  });
  const noName = numberIn(nameNumbers, '');
  /** The e-mail part of a profile from its e-mails' keys (distinct, in the order written). */
  const emailPart = (keys: Set<string>): EmailPart => {
    const emailList = [...keys];
    const number = numberIn(
      emailNumbers,
      emailList.length === 1 ? (emailList[0] as string) : [...emailList].sort().join(' '),
    );
    const domains = new Set<string>();
    let usernames: readonly string[] = NO_NAMES;
    for (const e of keys) {
      domains.add(domain(e));
      const handle = username(e);
      if (handle !== undefined)
        usernames = usernames === NO_NAMES ? [handle] : [...usernames, handle];
    }
    return { emails: keys, emailList, number, domains, usernames };
  };
  const noEmails: EmailPart = {
    emails: NONE,
    emailList: NO_NAMES,
    number: numberIn(emailNumbers, ''),
    domains: NONE,
    usernames: NO_NAMES,
  };
  // A record with one e-mail (nearly all that have one) takes the part of its spelling, made once
  // and shared: one look-up of the e-mail as written instead of one per normalisation.
  const single = memoized((raw) => emailPart(new Set([email(raw)])));
  return (record) => {
    const part =
      record.emails.length === 0
        ? noEmails
        : record.emails.length === 1
          ? single(record.emails[0] as string)
          : emailPart(new Set(record.emails.map(email)));
    // The same e-mail with the same name as last time needs no look-up of the name; and a record
    // with nothing else (most of a person's records) shares the profile of the last such record:
    // the same values, one object (1M rows: a million profiles fewer to allocate and keep).
    const plain =
      record.platformId === undefined && record.phone === undefined && record.company === undefined;
    let named: Named | undefined;
    if (record.name !== undefined) {
      if (part.lastName === record.name) {
        named = part.lastNamed;
        if (plain && part.lastProfile !== undefined) return part.lastProfile;
      } else {
        named = name(record.name);
        part.lastName = record.name;
        part.lastNamed = named;
        part.lastProfile = undefined;
      }
    }
    let ids: ReadonlyMap<string, string> = NO_IDS;
    if (record.platformId !== undefined) {
      const at = record.platformId.indexOf(':');
      ids = new Map([[record.platformId.slice(0, at), record.platformId.slice(at + 1)]]);
    }
    const profile: Profile = {
      emails: part.emails,
      emailList: part.emailList,
      emailsNumber: part.number,
      usernames: part.usernames,
      ids,
      phone: record.phone === undefined ? undefined : phone(record.phone),
      name: named?.parts,
      nameNumber: named === undefined ? noName : named.number,
      // The company column, else a company the display name adds (a Zoom or Teams guest).
      company: record.company === undefined ? named?.company : company(record.company),
      domains: part.domains,
    };
    if (plain && named !== undefined) part.lastProfile = profile;
    return profile;
  };
}

/** A bound on the e-mail and name numbers packed into one signature number (2^26 each, 2^53 in all). */
const SIGNATURE_PART = 2 ** 26;

/** What a record's e-mails bring to its profile. */
interface EmailPart {
  readonly emails: ReadonlySet<string>;
  readonly emailList: readonly string[];
  readonly number: number;
  readonly domains: ReadonlySet<string>;
  readonly usernames: readonly string[];
  /** The name last written with this e-mail and its parsed form (a person's records, mostly). */
  lastName?: string;
  lastNamed?: Named;
  /** The profile of the last record with only this e-mail part and that name. */
  lastProfile?: Profile | undefined;
}

/** A name as written, parsed, with the number of its key. */
interface Named {
  readonly parts: NameParts;
  readonly number: number;
  /** The company key of what the name adds ("Jan Peters [Stadtwerke]"), if it adds one. */
  readonly company: string | undefined;
}

const NONE: ReadonlySet<string> = new Set();
const NO_NAMES: readonly string[] = [];
const NO_IDS: ReadonlyMap<string, string> = new Map();

export function profileOf(record: SourceRecord): Profile {
  return profiler()(record);
}

/**
 * Blocking keys: candidates share at least one. Short first names also key under their full
 * forms ("Tom Müller" meets "Thomas Müller").
 */
export function blockingKeys(p: Profile): string[] {
  const keys: string[] = [];
  for (const e of p.emails) keys.push(`e:${e}`);
  for (const [platform, id] of p.ids) keys.push(`i:${platform}:${id}`);
  if (p.phone !== undefined) keys.push(`p:${p.phone}`);
  if (p.name !== undefined) keys.push(...nameBlockingKeys(p.name));
  return [...new Set(keys)];
}

function nameBlockingKeys(
  n: NameParts,
  soundOf: (surname: string) => string = colognePhonetic,
  /** Whether some name has this key (default: assume so). */
  written: (key: string) => boolean = () => true,
): string[] {
  if (n.key === '') return [];
  const keys = [`n:${n.key}`];
  // "Hans Peter Müller" meets "Hans-Peter Müller", and "Köhler Jürgen" "Jürgen Köhler", in the
  // block of the other's name, when some name is written so (see nameEvidence).
  if (n.compound !== undefined && n.compound !== n.key && written(n.compound))
    keys.push(`n:${n.compound}`);
  if (n.swapped !== undefined && n.swapped !== n.key && written(n.swapped))
    keys.push(`n:${n.swapped}`);
  // Turned round with a short first name: "Vierkerbusch Tom" meets "Thomas Vierkerbusch".
  if (n.swapped !== undefined && n.middle.length === 0 && !n.last.includes(' '))
    for (const full of fullFirstNames(n.last))
      if (full !== n.last && written(`${full} ${n.first}`)) keys.push(`n:${full} ${n.first}`);
  if (n.doubleSurname !== undefined && written(n.doubleSurname)) keys.push(`n:${n.doubleSurname}`);
  // Its words with hyphens as spaces, when some name is hyphenated so: "Klaus Dieter Lüttelberg
  // Ebbinghaus" meets "Klaus-Dieter Lüttelberg-Ebbinghaus".
  const words = wordsKey(n);
  if (words !== undefined && words !== n.key && written(words)) keys.push(`n:${words}`);
  // "Karl Heinz W." meets "Karl-Heinz Wagner", "Hans-Peter D." "Hans Peter Dahl".
  const double = doubleFirstName(n);
  if (double !== undefined && double !== n.first) keys.push(`fi:${double} ${n.last.slice(0, 1)}`);
  for (const first of fullFirstNames(n.first)) {
    if (n.firstOnly) keys.push(`f:${first}`);
    else {
      if (first !== n.first && !n.initialOnly) keys.push(`n:${first} ${n.last}`);
      keys.push(`fi:${first} ${n.last.slice(0, 1)}`);
      if (!n.initialOnly) keys.push(`c:${soundOf(n.last)} ${first.slice(0, 1)}`);
      keys.push(`f:${first}`);
    }
  }
  return [...new Set(keys)];
}

/** The weight of a name that E people carry by chance: log2(m / E), within its bounds. */
function nameWeight(expected: number): number {
  return Math.min(
    WEIGHTS.nameExactMax,
    Math.max(WEIGHTS.nameExactMin, Math.log2(WEIGHTS.nameExactM / expected)),
  );
}

/** Weight of an exact full-name match: E the expected chance carriers of the name. */
function exactNameWeight(name: NameParts, names: NameFrequency): number {
  return nameWeight(names.expectedCarriers(name));
}

/**
 * Whether two names' middle words say they are two people: both have one, and the first ones
 * differ ("Karl Otto Schmitz", "Karl Heinz Schmitz"; "Sabine Mäheling Schneider", "Sabine
 * Rüttelbach Schneider"), an initial counting as its word ("Karl H. Schmitz"). Middle words are
 * otherwise set aside: "Karl Heinz Schmitz" may sign up as "Karl Schmitz".
 */
function middlesDiffer(a: NameParts, b: NameParts): boolean {
  const x = a.middle[0];
  const y = b.middle[0];
  return x !== undefined && y !== undefined && wordsDiffer(x, y);
}

/**
 * Whether a's middle word is part of its surname, which b lacks: "Jochen Grahhausen Schmidt"
 * where the inputs also write "Jochen Grahhausen-Schmidt" is no "Jochen Schmidt" (without that
 * spelling the middle word is set aside, as for "Karl Heinz Schmitz" and "Karl Schmitz").
 */
function surnameApart(a: NameParts, b: NameParts, names: NameFrequency): boolean {
  return b.middle.length === 0 && a.doubleSurname !== undefined && names.carries(a.doubleSurname);
}

/** Two folded middle words that are not the same word (an initial matches its word). */
function wordsDiffer(x: string, y: string): boolean {
  const u = x.replace(/\.$/, '');
  const v = y.replace(/\.$/, '');
  if (u === v) return false;
  return !(u.length === 1 ? v.startsWith(u) : v.length === 1 && u.startsWith(v));
}

function nameEvidence(a: NameParts, b: NameParts, names: NameFrequency): Evidence {
  const written = writtenNameEvidence(a, b, names);
  if (a.key === b.key || (written.level !== 'different' && written.level !== 'jaro-winkler≥0.88'))
    return written;
  const read = readingEvidence(a, b, names);
  return read !== undefined && read.weight > written.weight ? read : written;
}

/**
 * The evidence of two names read other ways, when as parsed they differ: a surname written first
 * without its comma and with a typing error or a short first name ("Bergke Tom", "Thomas
 * Bergke"), hyphens written as spaces on both sides of a name ("Marie Luise Ronselfeld-Becker",
 * "Marie-Luise Ronselfeld Becker"), a typing error in a particle ("Annette vo Stein"), umlauts
 * written without their e ("Jurgen Kohler"). The words of one name, turned round (nameReadings),
 * against the other's as parsed: compatible first words, the rest equal (a name as common as
 * either reading, a short form a little less sure) or close (the Jaro–Winkler bands), umlauts'
 * e left out on both sides. Undefined when no reading comes close.
 */
function readingEvidence(a: NameParts, b: NameParts, names: NameFrequency): Evidence | undefined {
  const ra = readingsOf(a);
  const rb = readingsOf(b);
  const wa = ra.list[0];
  const wb = rb.list[0];
  if (wa === undefined || wb === undefined) return undefined;
  let best: Evidence | undefined;
  const keep = (evidence: Evidence) => {
    if (best === undefined || evidence.weight > best.weight) best = evidence;
  };
  const compare = (x: Reading, y: Reading, turned: boolean) => {
    // A first name with its umlaut left out ("Jurgen" for Jürgen, folded "juergen") is the same.
    const spelled = x.first !== y.first && x.firstBare === y.firstBare;
    if (!spelled && !sameFirstName(x.first, y.first)) {
      // "H.-J. Köhler" and "Hans-Jürgen Köhler".
      if (initialsAgree(x, y)) keep(FIRST_INITIAL);
      return;
    }
    let evidence: Evidence | undefined;
    if (x.rest === y.rest) {
      const short = x.first !== y.first && !spelled;
      const weight =
        nameWeight(names.expectedCarriers(a) + names.expectedCarriers(b)) -
        (short ? WEIGHTS.nameShortFormPenalty : 0);
      const level = turned ? 'swapped' : short ? 'short-form' : 'exact';
      evidence = { field: 'name', level, weight: Math.max(0, weight) };
    } else {
      const jw = jaroWinkler(x.rest, y.rest);
      if (jw >= WEIGHTS.nameJaroWinklerHigh)
        evidence = { field: 'name', level: 'jaro-winkler≥0.94', weight: WEIGHTS.nameCloseHigh };
      else if (jw >= WEIGHTS.nameJaroWinklerLow)
        evidence = { field: 'name', level: 'jaro-winkler≥0.88', weight: WEIGHTS.nameCloseLow };
      else if (initialsAgree(x, y)) evidence = FIRST_INITIAL;
    }
    if (evidence !== undefined) keep(evidence);
  };
  // As parsed, a first name and one surname word on both sides, without umlauts, is the written
  // comparison again.
  if (wa.words.length > 2 || wb.words.length > 2 || ra.umlautE || rb.umlautE)
    compare(wa, wb, false);
  for (let turn = 1; turn < ra.list.length; turn++) compare(ra.list[turn] as Reading, wb, true);
  for (let turn = 1; turn < rb.list.length; turn++) compare(wa, rb.list[turn] as Reading, true);
  return best;
}

/** One reading of a name (nameReadings), with what readingEvidence compares of it. */
interface Reading {
  readonly words: readonly string[];
  readonly first: string;
  /** The first word, and the other words joined, with the e of umlauts left out. */
  readonly firstBare: string;
  readonly rest: string;
  /** Some word is an initial (one letter, or a letter and a dot). */
  readonly initials: boolean;
}

interface Readings {
  readonly list: readonly Reading[];
  /** The name's key has an umlaut's e (ae, oe, ue) that a list without accents leaves out. */
  readonly umlautE: boolean;
}

const FIRST_INITIAL: Evidence = Object.freeze({
  field: 'name',
  level: 'first-initial',
  weight: WEIGHTS.nameInitial,
});

/**
 * Whether two names' words agree where one writes a word as its initial ("Hans J. Köhler",
 * "H.-J. Köhler" and "Hans-Jürgen Köhler"): as many words, each equal or one the other's initial,
 * at least one an initial (the first words may also be the same first name).
 */
function initialsAgree(a: Reading, b: Reading): boolean {
  if (!(a.initials || b.initials) || a.words.length !== b.words.length) return false;
  const x = a.words;
  const y = b.words;
  let initials = 0;
  for (let k = 0; k < x.length; k++) {
    const u = x[k] as string;
    const v = y[k] as string;
    if (u === v || (k === 0 && sameFirstName(u, v))) continue;
    if (!wordsDiffer(u, v) && (u.length <= 2 || v.length <= 2)) initials++;
    else return false;
  }
  return initials > 0;
}

/**
 * A folded name with the e of its umlauts left out, "jurgen kohler" for "juergen koehler": what
 * a list that drops accents makes of "Jürgen Köhler" (ae, oe, ue → a, o, u; compared on both
 * sides alike, so "Michael" is "michal" on both).
 */
function withoutUmlautE(folded: string): string {
  return UMLAUT_E.test(folded) ? folded.replace(UMLAUT_E_ALL, '$1') : folded;
}
const UMLAUT_E = /[aou]e/;
const UMLAUT_E_ALL = /([aou])e/g;

/** A name's readings, once per parsed name (a name is parsed once and compared many times). */
const readingsCache = new WeakMap<NameParts, Readings>();
function readingsOf(name: NameParts): Readings {
  let readings = readingsCache.get(name);
  if (readings === undefined) {
    readings = {
      list: nameReadings(name).map((words) => ({
        words,
        first: words[0] as string,
        firstBare: withoutUmlautE(words[0] as string),
        rest: withoutUmlautE(words.slice(1).join(' ')),
        initials: words.some((w) => w.length === 1 || (w.length === 2 && w.endsWith('.'))),
      })),
      umlautE: UMLAUT_E.test(name.key),
    };
    readingsCache.set(name, readings);
  }
  return readings;
}

/** Whether a's first name is an initial ("j." or "j") of b's longer first name. */
function firstInitialOf(a: NameParts, b: NameParts): boolean {
  const initial = a.first.endsWith('.') ? a.first.slice(0, -1) : a.first;
  return initial.length === 1 && b.first.length > 1 && b.first.startsWith(initial);
}

/** The evidence of two names as parsed. */
function writtenNameEvidence(a: NameParts, b: NameParts, names: NameFrequency): Evidence {
  if (
    a.key === b.key &&
    (middlesDiffer(a, b) || surnameApart(a, b, names) || surnameApart(b, a, names))
  )
    return { field: 'name', level: 'different', weight: WEIGHTS.nameDiffer };
  if (a.key === b.key && !(a.firstOnly && (a.device || b.device))) {
    return { field: 'name', level: 'exact', weight: exactNameWeight(a, names) };
  }
  // A double first name with and without its hyphen, "Hans-Peter Müller" and "Hans Peter
  // Müller": the same name, as rare as its hyphenated first name makes it.
  if (a.compound !== undefined && a.compound === b.compound) {
    const hyphenated = a.first.includes('-') ? a : b;
    return { field: 'name', level: 'exact', weight: exactNameWeight(hyphenated, names) };
  }
  // A double surname with and without its hyphen, "Anna Müller-Schmidt" and "Anna Müller
  // Schmidt": the same name, as rare as its hyphenated surname makes it.
  if (a.doubleSurname !== undefined && a.doubleSurname === b.key)
    return { field: 'name', level: 'exact', weight: exactNameWeight(b, names) };
  if (b.doubleSurname !== undefined && b.doubleSurname === a.key)
    return { field: 'name', level: 'exact', weight: exactNameWeight(a, names) };
  // "Köhler Jürgen" and "Jürgen Köhler": which word is the surname is not written, so the name
  // is as common as the two readings together ("Thomas Martin", "Martin Thomas" are common).
  if (
    (a.swapped !== undefined && a.swapped === b.key) ||
    (b.swapped !== undefined && b.swapped === a.key)
  ) {
    // E: the chance carriers of either reading.
    const expected = names.expectedCarriers(a) + names.expectedCarriers(b);
    return { field: 'name', level: 'swapped', weight: nameWeight(expected) };
  }
  if (a.first !== '' && sameFirstName(a.first, b.first)) {
    if (a.firstOnly || b.firstOnly) {
      if (a.device || b.device || a.first === b.first)
        return { field: 'name', level: 'first-name-only', weight: WEIGHTS.nameInitial };
    } else if ((a.initialOnly || b.initialOnly) && a.last.slice(0, 1) === b.last.slice(0, 1)) {
      return { field: 'name', level: 'initial', weight: WEIGHTS.nameInitial };
    } else if (a.last === b.last) {
      // "Tom Müller" and "Thomas Müller": the full form's rarity, a little less sure.
      const full = fullFirstNames(a.first).includes(b.first) ? b : a;
      return {
        field: 'name',
        level: 'short-form',
        weight: Math.max(0, exactNameWeight(full, names) - WEIGHTS.nameShortFormPenalty),
      };
    }
  }
  // A double first name with and without its hyphen, beside a surname's initial: "Hans Peter D."
  // and "Hans-Peter Dahl", "Karl-Heinz W." and "Karl Heinz Wagner".
  if ((a.initialOnly || b.initialOnly) && a.last.slice(0, 1) === b.last.slice(0, 1)) {
    const double = doubleFirstName(a);
    if (double !== undefined && double === doubleFirstName(b))
      return { field: 'name', level: 'initial', weight: WEIGHTS.nameInitial };
  }
  // A lone word that is the other's surname ("Köhler"), and a first name written as its initial
  // with the same surname ("J. Köhler", "Köhler, J."): compatible, but too little to join on.
  if (a.firstOnly !== b.firstOnly) {
    const [lone, full] = a.firstOnly ? [a, b] : [b, a];
    if (!lone.device && !full.initialOnly && lone.first === full.last)
      return { field: 'name', level: 'surname-only', weight: WEIGHTS.nameInitial };
  } else if (!a.firstOnly && !a.initialOnly && !b.initialOnly && a.last === b.last) {
    if (firstInitialOf(a, b) || firstInitialOf(b, a)) return FIRST_INITIAL;
  }
  // A typing error in the surname of a compatible first name ("Andi Mlüler", "Andreas Müller").
  // An initial or a lone first name is no spelling of another surname.
  if (a.firstOnly || b.firstOnly || a.initialOnly || b.initialOnly)
    return { field: 'name', level: 'different', weight: WEIGHTS.nameDiffer };
  const jw = sameFirstName(a.first, b.first)
    ? jaroWinkler(a.last, b.last)
    : jaroWinkler(a.key, b.key);
  if (jw >= WEIGHTS.nameJaroWinklerHigh)
    return { field: 'name', level: 'jaro-winkler≥0.94', weight: WEIGHTS.nameCloseHigh };
  if (jw >= WEIGHTS.nameJaroWinklerLow)
    return { field: 'name', level: 'jaro-winkler≥0.88', weight: WEIGHTS.nameCloseLow };
  return { field: 'name', level: 'different', weight: WEIGHTS.nameDiffer };
}

/** Scores one pair of records. */
const EVIDENCE = Object.freeze({
  emailSame: Object.freeze<Evidence>({ field: 'email', level: 'same', weight: WEIGHTS.emailMatch }),
  emailDifferent: Object.freeze<Evidence>({
    field: 'email',
    level: 'different',
    weight: WEIGHTS.emailDiffer,
  }),
  emailUsername: Object.freeze<Evidence>({
    field: 'email',
    level: 'username',
    weight: WEIGHTS.emailUsername,
  }),
  idSame: Object.freeze<Evidence>({ field: 'id', level: 'same', weight: WEIGHTS.idMatch }),
  idDifferent: Object.freeze<Evidence>({
    field: 'id',
    level: 'different',
    weight: WEIGHTS.idDiffer,
  }),
  phoneSame: Object.freeze<Evidence>({ field: 'phone', level: 'same', weight: WEIGHTS.phoneMatch }),
  phoneDifferent: Object.freeze<Evidence>({
    field: 'phone',
    level: 'different',
    weight: WEIGHTS.phoneDiffer,
  }),
  company: Object.freeze<Evidence>({
    field: 'company',
    level: 'same',
    weight: WEIGHTS.companyMatch,
  }),
});

/** Whether a pair's evidence holds a shared e-mail (or user name), platform id or phone. */
function sharesIdentifier(evidence: readonly Evidence[]): boolean {
  return evidence.some((e) => e.field !== 'name' && e.field !== 'company' && e.weight > 0);
}

/** Scores one pair of records: the evidence, appended to `into`. */
export function scorePair(
  a: Profile,
  b: Profile,
  names: NameFrequency,
  into: Evidence[] = [],
): Evidence[] {
  const evidence = into;
  if (a.emails.size > 0 && b.emails.size > 0) {
    let shared = false;
    for (const e of a.emails) if (b.emails.has(e)) shared = true;
    let handle = false;
    if (!shared) for (const u of a.usernames) if (b.usernames.includes(u)) handle = true;
    evidence.push(
      shared ? EVIDENCE.emailSame : handle ? EVIDENCE.emailUsername : EVIDENCE.emailDifferent,
    );
  }
  for (const [platform, id] of a.ids) {
    const other = b.ids.get(platform);
    if (other !== undefined) {
      evidence.push(other === id ? EVIDENCE.idSame : EVIDENCE.idDifferent);
    }
  }
  if (a.phone !== undefined && b.phone !== undefined) {
    evidence.push(a.phone === b.phone ? EVIDENCE.phoneSame : EVIDENCE.phoneDifferent);
  }
  if (a.name !== undefined && b.name !== undefined && a.name.key !== '' && b.name.key !== '') {
    evidence.push(nameEvidence(a.name, b.name, names));
  }
  const companyHit =
    (a.company !== undefined && (a.company === b.company || b.domains.has(a.company))) ||
    (b.company !== undefined && a.domains.has(b.company));
  if (companyHit) evidence.push(EVIDENCE.company);
  return evidence;
}

/**
 * The name levels, those that can join records on the name first (with the odds below). A pair's
 * level is stored as its index here, NO_NAME when either record has no name.
 */
const NAME_LEVELS = [
  'exact',
  'short-form',
  'initial',
  'first-name-only',
  'jaro-winkler≥0.94',
  'swapped',
  'jaro-winkler≥0.88',
  'surname-only',
  'first-initial',
  'different',
] as const;
const NAME_JOIN_LEVEL_COUNT = 6;
/** The levels of a partial name: a lone word or an initial stands for it. */
const PARTIAL_NAME_LEVELS: ReadonlySet<number> = new Set(
  (['initial', 'first-name-only', 'surname-only', 'first-initial'] as const).map((level) =>
    (NAME_LEVELS as readonly string[]).indexOf(level),
  ),
);

/** A name known by a lone word or with a word written as its initial ("Köhler", "J. Köhler"). */
function partialName(name: NameParts | undefined): boolean {
  if (name === undefined) return false;
  if (name.firstOnly || name.initialOnly) return true;
  return readingsOf(name).list[0]?.initials === true;
}
const NO_NAME = -1;

/**
 * Interned blocking keys and the blocks they form. A key's id is the order of its first
 * appearance over the records, which come in canonical order: ids, and so which block scores a
 * pair, do not depend on the order of files or rows.
 */
interface Blocking {
  /** Per record: the ids of its keys in ascending order. */
  readonly keysOf: Int32Array;
  /** Record i's keys are keysOf[keysAt[i]] to keysOf[keysAt[i + 1]] (one array, not a million). */
  readonly keysAt: Int32Array;
  /**
   * Per key id: the records that carry it, ascending: memberList[memberAt[k]] to
   * memberList[memberAt[k + 1]] (CSR, like the keys: a block is mostly one to a few records, and
   * an array per block grown by push held room for 17).
   */
  readonly memberAt: Int32Array;
  readonly memberList: Int32Array;
  /**
   * Per key id: 0 = identifier (e-mail, id, phone), 1 = full name, 2 = loose (first name,
   * initial), 3 = sound of the surname (Kölner Phonetik).
   */
  readonly kind: Uint8Array;
}

/** The kind of a blocking key, from its prefix (see Blocking.kind). */
function keyKind(key: string): number {
  // By character codes: a regular expression here took 0.14 s of resolving 200k records.
  if (key.charCodeAt(1) === 0x3a /* : */) {
    switch (key.charAt(0)) {
      case 'e':
      case 'i':
      case 'p':
        return 0;
      case 'f':
        return 2;
      case 'c':
        return 3;
      default:
        return 1;
    }
  }
  return key.startsWith('fi:') ? 2 : 1;
}

/**
 * Builds the blocks of the compared records. Loose keys (first name, initial) matter only where an
 * initial-only or first-name-only record carries them, sound keys only where a record without
 * e-mail or phone does: other records get them only then, which keeps the blocks small.
 */
function buildBlocking(
  profiles: readonly Profile[],
  compared: Uint8Array,
  partial: Uint8Array,
  weak: Uint8Array,
  /** Whether some name has this key, or has it as a block key of its own (writtenKeys). */
  written: (key: string) => boolean,
): Blocking {
  const nameKeys = new Map<NameParts, string[]>();
  // Surnames repeat across people far more than full names do.
  const soundOf = memoized(colognePhonetic);
  const keysOfName = (name: NameParts) => {
    let keys = nameKeys.get(name);
    if (keys === undefined) {
      keys = nameBlockingKeys(name, soundOf, written);
      nameKeys.set(name, keys);
    }
    return keys;
  };
  const wanted = new Set<string>();
  profiles.forEach((p, i) => {
    if (compared[i] === 0 || p.name === undefined) return;
    if (partial[i] === 0 && weak[i] === 0) return;
    for (const key of keysOfName(p.name)) {
      const kind = keyKind(key);
      if ((kind === 2 && partial[i] === 1) || (kind === 3 && weak[i] === 1)) wanted.add(key);
    }
  });
  const index = new Map<string, number>();
  const kinds: number[] = [];
  const intern = (key: string) => {
    let id = index.get(key);
    if (id === undefined) {
      id = index.size;
      index.set(key, id);
      kinds.push(keyKind(key));
    }
    return id;
  };
  const emailId = memoized((e) => intern(`e:${e}`));
  const phoneId = memoized((phone) => intern(`p:${phone}`));
  // Each record's keys, ascending and each once, one record after the other in one growing array.
  let keysOf = new Int32Array(Math.max(16, profiles.length * 2));
  const keysAt = new Int32Array(profiles.length + 1);
  let end = 0;
  const ids: number[] = [];
  profiles.forEach((p, i) => {
    ids.length = 0;
    if (compared[i] === 1) {
      for (const e of p.emails) ids.push(emailId(e));
      for (const [platform, id] of p.ids) ids.push(intern(`i:${platform}:${id}`));
      if (p.phone !== undefined) ids.push(phoneId(p.phone));
      if (p.name !== undefined) {
        for (const key of keysOfName(p.name)) {
          const kind = keyKind(key);
          if (kind === 2 && partial[i] === 0 && !wanted.has(key)) continue;
          if (kind === 3 && weak[i] === 0 && !wanted.has(key)) continue;
          ids.push(intern(key));
        }
      }
    }
    if (end + ids.length > keysOf.length) {
      const grown = new Int32Array(Math.max(2 * keysOf.length, end + ids.length));
      grown.set(keysOf.subarray(0, end));
      keysOf = grown;
    }
    const start = end;
    ids.sort((a, b) => a - b);
    for (const key of ids) if (end === start || keysOf[end - 1] !== key) keysOf[end++] = key;
    keysAt[i + 1] = end;
  });
  const memberAt = new Int32Array(index.size + 1);
  for (let k = 0; k < end; k++) {
    const key = keysOf[k] as number;
    memberAt[key + 1] = (memberAt[key + 1] as number) + 1;
  }
  for (let key = 0; key < index.size; key++)
    memberAt[key + 1] = (memberAt[key + 1] as number) + (memberAt[key] as number);
  const memberList = new Int32Array(end);
  const fill = memberAt.slice(0, index.size);
  for (let i = 0; i < profiles.length; i++)
    for (let k = keysAt[i] as number; k < (keysAt[i + 1] as number); k++) {
      const key = keysOf[k] as number;
      memberList[fill[key] as number] = i;
      fill[key] = (fill[key] as number) + 1;
    }
  return { keysOf, keysAt, memberAt, memberList, kind: Uint8Array.from(kinds) };
}

/**
 * Whether a key is written: some name has it, or has it as a block key of its own (a hyphenated
 * name its words, "klaus dieter luettelberg ebbinghaus"; a short first name its full form with
 * the surname, "andreas boehsching" for "Andi Böhsching"). Takes the distinct names.
 */
function writtenKeys(parsed: readonly NameParts[], names: NameFrequency): (key: string) => boolean {
  const also = new Set<string>();
  for (const name of parsed) {
    if (name.firstOnly || name.initialOnly) continue;
    if (name.key.includes('-')) {
      const words = wordsKey(name);
      if (words !== undefined) also.add(words);
    }
    for (const full of fullFirstNames(name.first))
      if (full !== name.first) also.add(`${full} ${name.last}`);
  }
  return (key) => names.carries(key) || also.has(key);
}

/** Clusters records by scored evidence. */
export function clusterFuzzy(
  records: readonly SourceRecord[],
  paths: readonly string[],
  constraints: Constraints = { must: [], cannot: [] },
  normalizers: Normalizers = recordNormalizers(),
  /** Keep the pair that joined each merged record (false: `merges` stays empty). */
  keepMerges = true,
): FuzzyResult {
  const n = records.length;
  // The names as written, parsed, each once: the same distinct full names as the records'.
  const parsedNames: NameParts[] = [];
  const profiles = records.map(profiler(normalizers, (parts) => parsedNames.push(parts)));
  const weak = new Uint8Array(n);
  profiles.forEach((p, i) => {
    weak[i] = p.emails.size === 0 && p.phone === undefined ? 1 : 0;
  });
  // Name frequencies over the distinct full names (name-frequency.ts).
  const names = nameFrequency(parsedNames);

  // Blocking: candidate pairs share a key; oversized name blocks are skipped. A pair is scored
  // once, in the first block (by key order) the two records share. In the loose blocks (first
  // name, first name + initial) only pairs with an initial-only or first-name-only record meet.
  // Records with the same e-mails, platform ids, phone, name and company are one person and
  // score alike against everyone: only the first of them is compared, the others join it.
  const representative = Int32Array.from({ length: n }, (_, i) => i);
  const bySignature = new Map<number | string, number>();
  const constrainedRecords = new Set(constraints.cannot.flat());
  profiles.forEach((p, i) => {
    if (weak[i] === 1 || constrainedRecords.has(i)) return;
    const firstOnly = p.name?.firstOnly === true ? 1 : 0;
    // Most records have only e-mails and a name: their signature is one number.
    const signature =
      p.ids.size === 0 &&
      p.phone === undefined &&
      p.company === undefined &&
      p.emailsNumber < SIGNATURE_PART &&
      p.nameNumber < SIGNATURE_PART
        ? (p.emailsNumber * SIGNATURE_PART + p.nameNumber) * 2 + firstOnly
        : [
            p.emailsNumber,
            [...p.ids].map(([platform, id]) => `${platform}:${id}`).join(' '),
            p.phone ?? '',
            p.nameNumber,
            firstOnly === 1 ? 'f' : '',
            p.company ?? '',
          ].join('\u0000');
    const first = bySignature.get(signature);
    if (first === undefined) bySignature.set(signature, i);
    else representative[i] = first;
  });
  const compared = Uint8Array.from(representative, (r, i) => (r === i ? 1 : 0));
  const partial = new Uint8Array(n);
  profiles.forEach((p, i) => {
    partial[i] = p.name !== undefined && (p.name.firstOnly || p.name.initialOnly) ? 1 : 0;
  });
  const blocking = buildBlocking(
    profiles,
    compared,
    partial,
    weak,
    writtenKeys(parsedNames, names),
  );
  const active = (rank: number) =>
    blocking.kind[rank] === 0 ||
    (blocking.memberAt[rank + 1] as number) - (blocking.memberAt[rank] as number) <=
      (blocking.kind[rank] === 2 ? MAX_LOOSE_BLOCK : MAX_BLOCK);
  // Which pairs a block compares: loose blocks only pairs with an initial-only or first-name-only
  // record, sound blocks (typos) only pairs with a record without e-mail or phone; records that
  // both have one join on a name only with supporting evidence, found in their other blocks.
  const compares = (rank: number, a: number, b: number) => {
    const kind = blocking.kind[rank];
    if (kind === 2) return partial[a] === 1 || partial[b] === 1;
    if (kind === 3) return weak[a] === 1 || weak[b] === 1;
    return true;
  };
  const firstShared = (a: number, b: number): number => {
    const { keysOf, keysAt } = blocking;
    const aEnd = keysAt[a + 1] as number;
    const bEnd = keysAt[b + 1] as number;
    for (let i = keysAt[a] as number, j = keysAt[b] as number; i < aEnd && j < bEnd; ) {
      const x = keysOf[i] as number;
      const y = keysOf[j] as number;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        if (active(x) && compares(x, a, b)) return x;
        i++;
        j++;
      }
    }
    return -1;
  };
  // Candidate pairs, kept compactly (a few million at 200,000 records): the records, the weight,
  // the name's level, the weight of the other evidence and whether an identifier agrees. The
  // evidence itself is scored again for the few pairs that are shown (merges, review).
  const listA: number[] = [];
  const listB: number[] = [];
  const listWeight: number[] = [];
  const listRest: number[] = [];
  const listLevel: number[] = [];
  const listIdentified: number[] = [];
  const listCompany: number[] = [];
  const scratch: Evidence[] = [];
  const consider = (rank: number, a: number, b: number) => {
    const x = Math.min(a, b);
    const y = Math.max(a, b);
    if (firstShared(x, y) !== rank) return;
    scratch.length = 0;
    scorePair(profiles[x] as Profile, profiles[y] as Profile, names, scratch);
    let weight = 0;
    let rest = 0;
    let level = NO_NAME;
    let identified = 0;
    let company = 0;
    for (const e of scratch) {
      weight += e.weight;
      if (e.field === 'name') level = (NAME_LEVELS as readonly string[]).indexOf(e.level);
      else {
        if (e.field === 'company') company = 1;
        rest += e.weight;
        if (e.weight > 0) identified = 1;
      }
    }
    // Below the review band only pairs that may join on the name are kept.
    if (weight < THRESHOLDS.review && !(level >= 0 && level < NAME_JOIN_LEVEL_COUNT)) return;
    listA.push(x);
    listB.push(y);
    listWeight.push(weight);
    listRest.push(rest);
    listLevel.push(level);
    listIdentified.push(identified);
    listCompany.push(company);
  };
  const { memberAt, memberList } = blocking;
  for (let rank = 0; rank + 1 < memberAt.length; rank++) {
    const from = memberAt[rank] as number;
    const to = memberAt[rank + 1] as number;
    if (to - from < 2 || !active(rank)) continue;
    const kind = blocking.kind[rank];
    if (kind === 2 || kind === 3) {
      // One side must be partial (loose) or weak (sound): start from those records.
      const side = kind === 2 ? partial : weak;
      for (let x = from; x < to; x++) {
        const a = memberList[x] as number;
        if (side[a] !== 1) continue;
        for (let y = from; y < to; y++) {
          const b = memberList[y] as number;
          if (a !== b && !(side[b] === 1 && b < a)) consider(rank, a, b);
        }
      }
      continue;
    }
    for (let x = from; x < to; x++) {
      for (let y = x + 1; y < to; y++)
        consider(rank, memberList[x] as number, memberList[y] as number);
    }
  }
  // The pairs in typed arrays from here on: read many times, at random.
  const pairA = Int32Array.from(listA);
  const pairB = Int32Array.from(listB);
  const pairWeight = Float64Array.from(listWeight);
  const pairRest = Float64Array.from(listRest);
  const pairLevel = Int8Array.from(listLevel);
  const pairIdentified = Uint8Array.from(listIdentified);
  const pairCompany = Uint8Array.from(listCompany);
  // Strongest first; ties by record order, so the result does not depend on the block order.
  const order = strongestFirst(pairWeight, pairA, pairB, n);
  /** Pair k's record other than `self`. */
  const otherOf = (k: number, self: number): number =>
    (pairA[k] as number) === self ? (pairB[k] as number) : (pairA[k] as number);
  const pairAt = (k: number): ScoredPair => {
    const a = pairA[k] as number;
    const b = pairB[k] as number;
    const evidence = scorePair(profiles[a] as Profile, profiles[b] as Profile, names);
    return { a, b, weight: pairWeight[k] as number, evidence };
  };

  // Clusters: union-find with what each cluster holds, kept at its root.
  const uf = new UnionFind(n);
  const strongCount = Int32Array.from(weak, (w) => 1 - w);
  // Per cluster root: its records with a surname (not a lone first name, not "Jürgen K.").
  // Read from the parse alone: computing every name's readings here cost 1M rows 1.5 s.
  const fullCount = Int32Array.from(profiles, (p) =>
    p.name !== undefined && p.name.key !== '' && !p.name.firstOnly && !p.name.initialOnly ? 1 : 0,
  );
  const ids = new Map<number, Map<string, string>>(); // root → platform ids of the cluster
  profiles.forEach((p, i) => {
    if (p.ids.size > 0) ids.set(i, new Map(p.ids));
  });
  const cannotOf = new Map<number, Set<number>>(); // record → records it must not join
  for (const [a, b] of constraints.cannot) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = cannotOf.get(x) ?? new Set<number>();
      set.add(y);
      cannotOf.set(x, set);
    }
  }
  const constrained = new Map<number, number[]>(); // root → its records with cannot-links
  for (const x of cannotOf.keys()) constrained.set(x, [x]);
  const findings: Finding[] = [];
  const merges: ScoredPair[] = [];

  const blocked = (ra: number, rb: number): boolean => {
    for (const x of constrained.get(ra) ?? [])
      for (const y of cannotOf.get(x) ?? []) if (uf.find(y) === rb) return true;
    const ia = ids.get(ra);
    const ib = ids.get(rb);
    if (ia && ib)
      for (const [platform, id] of ia) if (ib.has(platform) && ib.get(platform) !== id) return true;
    return false;
  };
  const join = (a: number, b: number): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    if (blocked(ra, rb)) return false;
    const root = uf.union(ra, rb);
    const other = root === ra ? rb : ra;
    strongCount[root] = (strongCount[root] as number) + (strongCount[other] as number);
    fullCount[root] = (fullCount[root] as number) + (fullCount[other] as number);
    const io = ids.get(other);
    if (io !== undefined) {
      const into = ids.get(root) ?? new Map<string, string>();
      for (const [platform, id] of io) into.set(platform, id);
      ids.set(root, into);
      ids.delete(other);
    }
    const co = constrained.get(other);
    if (co !== undefined) {
      constrained.set(root, [...(constrained.get(root) ?? []), ...co]);
      constrained.delete(other);
    }
    return true;
  };
  /** Joins pair k's records by `rule`; a conflict is a finding in the identifier stage only. */
  const link = (k: number, rule: JoinRule, odds?: number): boolean => {
    const a = pairA[k] as number;
    const b = pairB[k] as number;
    if (uf.find(a) === uf.find(b)) return false;
    if (join(a, b)) {
      if (keepMerges) merges.push({ ...pairAt(k), rule, ...(odds === undefined ? {} : { odds }) });
      return true;
    }
    const report =
      rule === 'identifier' || rule === 'partial-identifier' || rule === 'name-and-company';
    if (!report) return false;
    const record = records[b] as SourceRecord;
    findings.push({ code: 'conflicting-evidence', path: paths[record.source], line: record.line });
    return false;
  };

  for (const [a, b] of constraints.must) join(a, b);
  for (let i = 0; i < n; i++) {
    const first = representative[i] as number;
    if (first !== i && join(first, i) && keepMerges) {
      const evidence = scorePair(profiles[first] as Profile, profiles[i] as Profile, names);
      const weight = evidence.reduce((w, e) => w + e.weight, 0);
      merges.push({ a: first, b: i, weight, evidence, rule: 'same-values' });
    }
  }
  // Identifier evidence first: a pair at the merge threshold with a shared e-mail, id or phone.
  // A pair whose name is partial (a lone word, an initial) waits: on a family's shared address
  // "Köhler" or "J. Köhler" may be Jürgen or Julia Köhler, and joining it to both would make them
  // one person. It joins below when it points to one person only.
  const partialPairs = new Map<number, number[]>(); // partial record → its pairs, strongest first
  for (const k of order) {
    if ((pairWeight[k] as number) < THRESHOLDS.merge || (pairIdentified[k] as number) !== 1)
      continue;
    if (!PARTIAL_NAME_LEVELS.has(pairLevel[k] as number)) {
      // A rare name with the same company reaches the threshold without a shared identifier;
      // which of the two it was is worked out only when it is shown.
      link(
        k,
        keepMerges && !sharesIdentifier(pairAt(k).evidence) ? 'name-and-company' : 'identifier',
      );
      continue;
    }
    const a = pairA[k] as number;
    const b = pairB[k] as number;
    const self =
      partialName((profiles[a] as Profile).name) || !partialName((profiles[b] as Profile).name)
        ? a
        : b;
    const list = partialPairs.get(self);
    if (list === undefined) partialPairs.set(self, [k]);
    else list.push(k);
  }
  for (const self of [...partialPairs.keys()].sort((x, y) => x - y)) {
    const own = uf.find(self);
    let only = -1;
    let several = false;
    for (const k of partialPairs.get(self) as number[]) {
      const root = uf.find(otherOf(k, self));
      if (root === own) continue;
      if (only === -1) only = k;
      else if (uf.find(otherOf(only, self)) !== root) several = true;
    }
    if (only !== -1 && !several) link(only, 'partial-identifier');
  }

  // Then the name: a record joins the one person its name points to when the odds that they are
  // one person, rather than a namesake, reach THRESHOLDS.nameJoin. The odds combine the name's
  // rarity (expected chance carriers E) and the other evidence of the pair.
  const odds = (self: number, other: number, k: number): number => {
    const mine = (profiles[self] as Profile).name as NameParts;
    const theirs = (profiles[other] as Profile).name as NameParts;
    const level = NAME_LEVELS[pairLevel[k] as number];
    // The same full name on a record without e-mail or phone joins as in --match exact: when
    // exactly one person carries it (checked below).
    if (level === 'exact' && weak[self] === 1) return Number.POSITIVE_INFINITY;
    // So does a name turned round ("Zöllgener Jürgen" for "Jürgen Zöllgener") when as written it
    // cannot be a name: its first word is no first name of the inputs, its last word is one.
    if (
      level === 'swapped' &&
      weak[self] === 1 &&
      !names.knowsFirst(mine.first, mine) &&
      names.knowsFirst(mine.last, mine)
    )
      return Number.POSITIVE_INFINITY;
    const expected =
      level === 'initial'
        ? names.expectedWithInitial(mine.initialOnly ? mine : theirs)
        : level === 'first-name-only'
          ? names.expectedWithFirst(mine.firstOnly ? mine : theirs)
          : level === 'jaro-winkler≥0.94'
            ? names.expectedCarriers(theirs) * WEIGHTS.closeNameSpread
            : level === 'swapped'
              ? names.expectedCarriers(mine) + names.expectedCarriers(theirs)
              : names.expectedCarriers(
                  fullFirstNames(mine.first).includes(theirs.first) ? theirs : mine,
                );
    return Math.log2(WEIGHTS.nameExactM / expected) + (pairRest[k] as number);
  };
  // A name known by its surname's initial alone ("Jürgen K.", on a record without e-mail or
  // phone) joins the one person with a full name it fits when nothing else competes (below).
  const initialOnly = (i: number) => (profiles[i] as Profile).name?.initialOnly === true;
  const initialFor = (self: number, k: number) =>
    weak[self] === 1 && initialOnly(self) && NAME_LEVELS[pairLevel[k] as number] === 'initial';
  // Per record with a full name: the initial-only records that fit it.
  const pointedBy = new Map<number, number[]>();
  // Per record, the pairs through which its name may join it (CSR: offsets into one array).
  const joinable: number[] = [];
  const selfOf: number[] = [];
  for (const k of order) {
    const level = pairLevel[k] as number;
    if (level < 0 || level >= NAME_JOIN_LEVEL_COUNT) continue;
    if ((pairWeight[k] as number) >= THRESHOLDS.merge && (pairIdentified[k] as number) === 1)
      continue;
    // Records with e-mail or phone join each other only on a full name (second e-mails) and
    // with supporting evidence besides it, such as the same company (DESIGN.md).
    const full = NAME_LEVELS[level] === 'exact' || NAME_LEVELS[level] === 'short-form';
    for (const [self, other] of [
      [pairA[k] as number, pairB[k] as number],
      [pairB[k] as number, pairA[k] as number],
    ] as const) {
      if (weak[self] === 0 && (weak[other] === 1 || !full || (pairIdentified[k] as number) === 0))
        continue;
      const byInitial = initialFor(self, k);
      if (byInitial || odds(self, other, k) >= THRESHOLDS.nameJoin) {
        joinable.push(k);
        selfOf.push(self);
      }
      if (byInitial) {
        const list = pointedBy.get(other);
        if (list === undefined) pointedBy.set(other, [self]);
        else list.push(self);
      }
    }
  }
  const start = new Int32Array(n + 1);
  for (const self of selfOf) start[self + 1] = (start[self + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const candidates = new Int32Array(joinable.length);
  const fill = start.slice(0, n);
  joinable.forEach((k, j) => {
    const self = selfOf[j] as number;
    candidates[fill[self] as number] = k;
    fill[self] = (fill[self] as number) + 1;
  });
  // The middle words of each cluster's names, with the name they were set aside from (first name
  // and surname): a name joins a cluster only when no name of the same key there has a different
  // middle word, so that a name without one ("Karl Schmitz") does not bring "Karl Otto Schmitz"
  // and "Karl Heinz Schmitz" together. (Other keys are other readings: "Schmitz Karl Heinz"
  // without its comma has the middle word "karl".)
  const middles = new Map<number, { readonly key: string; readonly word: string }[]>();
  for (let i = 0; i < n; i++) {
    const name = (profiles[i] as Profile).name;
    const word = name?.middle[0];
    if (name === undefined || word === undefined) continue;
    const root = uf.find(i);
    const known = middles.get(root);
    if (known === undefined) middles.set(root, [{ key: name.key, word }]);
    else if (!known.some((m) => m.key === name.key && m.word === word))
      known.push({ key: name.key, word });
  }
  /** Whether clusters ra and rb hold names of one key with different middle words. */
  const middlesClash = (ra: number, rb: number): boolean => {
    const ma = middles.get(ra) ?? [];
    const mb = middles.get(rb) ?? [];
    return ma.some((x) => mb.some((y) => x.key === y.key && wordsDiffer(x.word, y.word)));
  };
  /**
   * Joins pair k on the name of record `self`: by the initial rule, as the one carrier of the
   * name with the same company, or by its odds.
   */
  const linkByName = (k: number, self: number, by?: 'initial' | 'name-company'): boolean => {
    const ra = uf.find(pairA[k] as number);
    const rb = uf.find(pairB[k] as number);
    if (middlesClash(ra, rb)) return false;
    const ma = middles.get(ra) ?? [];
    const mb = middles.get(rb) ?? [];
    // Which rule joined them is worked out only when it is shown.
    const bits = keepMerges && by === undefined ? odds(self, otherOf(k, self), k) : 0;
    const joined =
      by !== undefined
        ? link(k, by)
        : bits === Number.POSITIVE_INFINITY
          ? link(k, 'name-carrier')
          : link(k, 'name-odds', bits);
    if (!joined) return false;
    middles.delete(ra);
    middles.delete(rb);
    if (ma.length + mb.length > 0) middles.set(uf.find(ra), [...ma, ...mb]);
    return true;
  };
  const WAIT = -2;
  /**
   * For an initial-only record (in a cluster without a full name): the pair to the one person
   * with a full name it fits; WAIT when several fit, or when another person known by another
   * initial-only name, or by the same one on another account, fits that person too; -1 when
   * none fits, or when a person with e-mail or phone is known by the same initial name.
   */
  const onlyFitFor = (self: number, own: number, from: number, to: number): number => {
    let only = -1;
    for (let j = from; j < to; j++) {
      const k = candidates[j] as number;
      const level = NAME_LEVELS[pairLevel[k] as number];
      const root = uf.find(otherOf(k, self));
      if (root === own) continue;
      // The same "Jürgen K." on a record with e-mail or phone: that person carries the name as
      // written, and the exact-name rule decides (below).
      if (level === 'exact' && (strongCount[root] as number) > 0) return -1;
      if (level !== 'initial') continue;
      if (only === -1) only = k;
      else if (uf.find(otherOf(only, self)) !== root) return WAIT;
    }
    if (only === -1) return -1;
    const key = (profiles[self] as Profile).name?.key;
    for (const rival of pointedBy.get(otherOf(only, self)) ?? []) {
      const root = uf.find(rival);
      if (root === own) continue;
      if ((profiles[rival] as Profile).name?.key !== key || blocked(own, root)) return WAIT;
    }
    return only;
  };
  for (let pass = 0, changed = true; changed && pass < 10; pass++) {
    changed = false;
    for (let self = 0; self < n; self++) {
      const from = start[self] as number;
      const to = start[self + 1] as number;
      if (from === to) continue;
      const own = uf.find(self);
      if (initialOnly(self) && weak[self] === 1 && fullCount[own] === 0) {
        const k = onlyFitFor(self, own, from, to);
        if (k === WAIT) continue;
        if (k >= 0) {
          if (linkByName(k, self, 'initial')) changed = true;
          continue;
        }
      }
      const strongRoots = new Map<number, number>();
      const weakRoots = new Map<number, number>();
      for (let j = from; j < to; j++) {
        const k = candidates[j] as number;
        const other = otherOf(k, self);
        const root = uf.find(other);
        if (root === own) continue;
        // An initial joins by its odds only in a cluster without a full name (which speaks for
        // itself); a pair that is a candidate only for the rule above is not one here.
        if (
          initialFor(self, k) &&
          ((fullCount[own] as number) > 0 || odds(self, other, k) < THRESHOLDS.nameJoin)
        )
          continue;
        const target = (strongCount[root] as number) > 0 ? strongRoots : weakRoots;
        if (!target.has(root)) target.set(root, k);
      }
      // A record already joined to a person with e-mail or phone brings no other such person:
      // two people with e-mail or phone do not join on a name without either.
      if (weak[self] === 1 && (strongCount[own] as number) > 0 && strongRoots.size > 0) continue;
      // Several people carry the name: only the same company can tell which (the one carrier
      // that shares it with the record); otherwise it waits for review.
      if (strongRoots.size > 1) {
        // One pass over the candidates: the carriers with a pair that shares the company.
        let onlyRoot = -1;
        for (let j = from; j < to; j++) {
          const k = candidates[j] as number;
          if ((pairCompany[k] as number) !== 1) continue;
          const root = uf.find(otherOf(k, self));
          if (root === onlyRoot || !strongRoots.has(root)) continue;
          if (onlyRoot !== -1) {
            onlyRoot = -1;
            break;
          }
          onlyRoot = root;
        }
        const only = onlyRoot === -1 ? undefined : strongRoots.get(onlyRoot);
        if (only !== undefined && linkByName(only, self, 'name-company')) changed = true;
        continue;
      }
      if (strongRoots.size === 1) {
        if (linkByName([...strongRoots.values()][0] as number, self)) changed = true;
        continue;
      }
      // Nobody with e-mail or phone: records of the same full name without any join each other.
      for (const k of weakRoots.values()) {
        const exact = NAME_LEVELS[pairLevel[k] as number] === 'exact';
        if ((exact || weakRoots.size === 1) && linkByName(k, self)) changed = true;
      }
    }
  }

  /** Why pair k, in the review band and not joined, waits (WaitReason). */
  const waitReason = (k: number, evidence: readonly Evidence[]): WaitReason => {
    const a = pairA[k] as number;
    const b = pairB[k] as number;
    const ra = uf.find(a);
    const rb = uf.find(b);
    const level = pairLevel[k] as number;
    if (blocked(ra, rb)) return { reason: 'kept-apart' };
    if (sharesIdentifier(evidence))
      return { reason: PARTIAL_NAME_LEVELS.has(level) ? 'partial-name' : 'names-differ' };
    if (weak[a] === 0 && weak[b] === 0) return { reason: 'both-keyed' };
    if (level < 0 || level >= NAME_JOIN_LEVEL_COUNT)
      return { reason: PARTIAL_NAME_LEVELS.has(level) ? 'partial-only' : 'close-name' };
    const self = weak[a] === 1 ? a : b;
    if (initialFor(self, k))
      return {
        reason:
          (fullCount[uf.find(self)] as number) > 0 ? 'known-by-full-name' : 'initial-fits-several',
      };
    const bits = odds(self, otherOf(k, self), k);
    if (bits < THRESHOLDS.nameJoin) return { reason: 'common-name', odds: bits };
    if ((strongCount[uf.find(self)] as number) > 0) return { reason: 'joined-another' };
    if (middlesClash(ra, rb)) return { reason: 'middle-names' };
    return { reason: 'several-carry' };
  };
  const review: ScoredPair[] = [];
  for (const k of order) {
    if (
      (pairWeight[k] as number) >= THRESHOLDS.review &&
      uf.find(pairA[k] as number) !== uf.find(pairB[k] as number)
    ) {
      const pair = pairAt(k);
      review.push({ ...pair, waits: waitReason(k, pair.evidence) });
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, [i]);
    else list.push(i);
  }
  const middle = (THRESHOLDS.merge + THRESHOLDS.review) / 2;
  review.sort(
    (x, y) => Math.abs(x.weight - middle) - Math.abs(y.weight - middle) || x.a - y.a || x.b - y.b,
  );
  return {
    clusters: [...byRoot.values()],
    review,
    merges,
    findings,
    recordEmails: profiles.map((p) => p.emailList),
  };
}
