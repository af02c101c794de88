// A name → its parts for comparison: first name, surname with its particles (vom Stein), middle
// names, and whether the surname is only an initial (Meetup's "Jürgen K.").
import { foldName, personOfDevice } from './normalize.js';

export interface NameParts {
  /** Folded full key: first + surname, middle names left out. */
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly middle: readonly string[];
  /**
   * The first name with its middle names as one hyphenated first name, and the surname: "hans-peter
   * mueller" for "Hans-Peter Müller" and for "Hans Peter Müller", so that the two spellings of a
   * double first name meet; undefined without a hyphen in the first name or a middle name, and
   * for a surname initial or a lone first name.
   */
  readonly compound: string | undefined;
  /**
   * A name read the other way round, "juergen koehler" for "Köhler Jürgen", "annette vom stein"
   * for "vom Stein Annette" (a list sorted by surname, without the comma that would say so): a
   * name of two words, or particles, one word and a first name; undefined for other names.
   */
  readonly swapped: string | undefined;
  /**
   * A name of three words read with a double surname, "anna mueller-schmidt" for "Anna Müller
   * Schmidt" (its hyphen left out, as on many sign-up forms), so that it meets "Anna
   * Müller-Schmidt"; undefined for other names (a middle initial, a surname with a particle).
   */
  readonly doubleSurname: string | undefined;
  /** The surname is a single letter ("Jürgen K."). */
  readonly initialOnly: boolean;
  /** Only a first name is known ("iPhone von Anke"). */
  readonly firstOnly: boolean;
  readonly device: boolean;
}

const PARTICLES = new Set([
  'von',
  'vom',
  'van',
  'de',
  'der',
  'den',
  'zu',
  'zur',
  'zum',
  'ten',
  'ter',
  'di',
  'da',
  'du',
  'del',
  'dos',
  'le',
  'la',
  'und',
  'auf',
  'dem',
]);

// Short forms of first names (German and English), folded as foldName folds them. A short form
// may stand for several names (Alex: Alexander, Alexandra). Kept deliberately small: only forms
// that are in common use as a name on a badge or a sign-up form, and not names of their own
// (Kalle, Moni, Uschi; not Lena, Hans or Jens, which many people carry as their full name).
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  alexander: ['alex', 'sascha'],
  alexandra: ['alex', 'sandra'],
  andreas: ['andi', 'andy'],
  andrea: ['andi'],
  angelika: ['geli'],
  barbara: ['babsi', 'babs'],
  benjamin: ['ben', 'benny', 'benni'],
  bernhard: ['bernd'],
  birgit: ['biggi'],
  brigitte: ['gitte', 'biggi'],
  christian: ['chris'],
  christina: ['chris', 'tina'],
  christine: ['chris', 'tine'],
  christoph: ['chris'],
  cornelia: ['conny'],
  daniel: ['dani', 'danny'],
  daniela: ['dani'],
  dorothea: ['doro'],
  elisabeth: ['lisa', 'elli', 'liesel', 'betty'],
  emanuel: ['manu'],
  fabian: ['fabi'],
  florian: ['flo'],
  franziska: ['franzi'],
  friedrich: ['fritz'],
  gabriele: ['gabi'],
  gerhard: ['gerd'],
  gertrud: ['trude', 'gerti'],
  heinrich: ['heinz', 'heini'],
  james: ['jim', 'jimmy'],
  jennifer: ['jenny'],
  jessica: ['jessi'],
  johannes: ['hannes', 'jo', 'johann'],
  josef: ['sepp', 'jupp', 'joe'],
  joseph: ['joe'],
  karl: ['kalle'],
  katharina: ['kathi', 'kati', 'katha'],
  konstantin: ['konni'],
  leopold: ['poldi'],
  ludwig: ['lutz', 'luggi'],
  magdalena: ['leni'],
  manfred: ['manni'],
  manuel: ['manu'],
  margarete: ['grete', 'maggie'],
  matthias: ['matze', 'matti'],
  maximilian: ['max', 'maxi'],
  michael: ['micha', 'michi', 'mike'],
  monika: ['moni'],
  nicole: ['nici', 'nicki'],
  nikolaus: ['niko'],
  patrick: ['pat'],
  philipp: ['phil'],
  raphael: ['raffi'],
  rebecca: ['becky'],
  renate: ['reni'],
  richard: ['rick'],
  robert: ['rob', 'bob', 'bobby'],
  rudolf: ['rudi'],
  sabine: ['bine'],
  sebastian: ['basti', 'sebi'],
  stefanie: ['steffi'],
  stephanie: ['steffi'],
  susanne: ['susi', 'sanne'],
  theresa: ['resi'],
  therese: ['resi'],
  thomas: ['tom', 'tommy'],
  tobias: ['tobi'],
  ulrich: ['uli', 'ulli'],
  ulrike: ['uli', 'ulli', 'rike'],
  ursula: ['uschi'],
  vanessa: ['nessi'],
  veronika: ['vroni'],
  wilhelm: ['willi', 'willy'],
  william: ['will', 'bill', 'billy'],
  wolfgang: ['wolf'],
};

const FULL_FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [full, shorts] of Object.entries(SHORT_FORMS)) {
    for (const short of shorts) map.set(short, [...(map.get(short) ?? []), full]);
  }
  return map;
})();

/** The full first names a folded first name may stand for (itself when it is no short form). */
export function fullFirstNames(first: string): readonly string[] {
  return FULL_FORMS.get(first) ?? [first];
}

/** Whether two folded first names may be the same person's: equal, or a short form of the other. */
export function sameFirstName(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = fullFirstNames(a);
  const fb = fullFirstNames(b);
  return fa.includes(b) || fb.includes(a) || fa.some((x) => fb.includes(x));
}

/**
 * A double first name as one hyphenated word, "hans-peter" for "Hans-Peter D.", "Hans Peter D."
 * and "Hans Peter Dahl" (a middle name read as the first name's second half); undefined for a
 * single first name without a middle name, and for a lone word.
 */
export function doubleFirstName(n: NameParts): string | undefined {
  if (n.firstOnly || (n.middle.length === 0 && !n.first.includes('-'))) return undefined;
  return n.middle.length === 0 ? n.first : [n.first, ...n.middle].join('-');
}

/** Parses a name; `fold` is foldName, or a memoised foldName shared with other steps. */
export function parseName(raw: string, fold: (name: string) => string = foldName): NameParts {
  const device = personOfDevice(raw) !== undefined;
  const folded = fold(raw);
  const tokens = folded.split(' ').filter((t) => t !== '');
  if (tokens.length === 0)
    return {
      key: '',
      first: '',
      last: '',
      middle: [],
      compound: undefined,
      swapped: undefined,
      doubleSurname: undefined,
      initialOnly: false,
      firstOnly: true,
      device,
    };
  if (tokens.length === 1) {
    return {
      key: folded,
      first: tokens[0] as string,
      last: '',
      middle: [],
      compound: undefined,
      swapped: undefined,
      doubleSurname: undefined,
      initialOnly: false,
      firstOnly: true,
      device,
    };
  }
  // The surname starts at its first particle after the first name (von, vom, van, zu, …).
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has(tokens[lastStart - 1] as string)) lastStart--;
  const first = tokens[0] as string;
  const last = tokens.slice(lastStart).join(' ');
  const middle = tokens.slice(1, lastStart);
  const bare = last.replace(/\.$/, '');
  const initialOnly = bare.length === 1;
  return {
    key: `${first} ${last}`.replace(/\.$/, ''),
    first,
    last: bare,
    middle,
    compound:
      !initialOnly && (middle.length > 0 || first.includes('-'))
        ? `${[first, ...middle].join('-')} ${bare}`
        : undefined,
    swapped: initialOnly ? undefined : swappedKey(tokens),
    doubleSurname:
      !initialOnly && tokens.length === 3 && lastStart === 2 && (middle[0] as string).length > 2
        ? `${first} ${middle[0]}-${bare}`
        : undefined,
    initialOnly,
    firstOnly: false,
    device,
  };
}

/** The key of a name written surname first without its comma (see NameParts.swapped). */
function swappedKey(tokens: readonly string[]): string | undefined {
  if (tokens.length === 2) return `${tokens[1]} ${tokens[0]}`;
  let particles = 0;
  while (particles < tokens.length && PARTICLES.has(tokens[particles] as string)) particles++;
  if (particles === 0 || particles + 2 !== tokens.length) return undefined;
  return `${tokens[particles + 1]} ${tokens.slice(0, particles + 1).join(' ')}`;
}

/**
 * The words of a name in the orders it may have been written in, hyphens apart: as parsed
 * first ("marie luise ronselfeld becker"), then turned round at its first, second and third word,
 * for a surname written first without the comma that would say so ("Bergke Tom", "vom Stein
 * Annette", "Lennrath-Haßelkus Klaus"). None for an initial or a lone first name.
 */
export function nameReadings(n: NameParts): string[][] {
  const words = nameWords(n);
  if (words === undefined) return [];
  const readings = [words];
  for (let turn = 1; turn < Math.min(words.length, 4); turn++)
    readings.push([...words.slice(turn), ...words.slice(0, turn)]);
  return readings;
}

/** The words of a full name as parsed, hyphens apart; undefined for an initial or a lone word. */
function nameWords(n: NameParts): string[] | undefined {
  if (n.key === '' || n.firstOnly || n.initialOnly) return undefined;
  return [n.first, ...n.middle, n.last]
    .join(' ')
    .split(/[ -]/)
    .filter((w) => w !== '');
}

/**
 * The key of a name of hyphenated words written with spaces, "klaus dieter luettelberg
 * ebbinghaus" for "Klaus-Dieter Lüttelberg-Ebbinghaus" and for "Klaus Dieter Lüttelberg
 * Ebbinghaus"; undefined for a name of two words without a hyphen (its key), an initial or a lone
 * word.
 */
export function wordsKey(n: NameParts): string | undefined {
  if (!n.key.includes('-') && n.middle.length === 0) return undefined;
  return nameWords(n)?.join(' ');
}
