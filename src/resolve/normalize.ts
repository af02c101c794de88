// Values → comparison keys. Each rule is a small pure function; `nameKey`, `emailKey` and
// `phoneKey` compose them into the keys identity resolution compares. NORMALIZATION_VERSION
// changes whenever a rule changes what a key looks like.
import { createRequire } from 'node:module';
import { unusualSpace } from '../whitespace.js';

type PhoneParser = typeof import('libphonenumber-js/min').parsePhoneNumberFromString;
/** libphonenumber-js, loaded on the first phone number: most lists have none, and it costs ~80 ms. */
let parsePhone: PhoneParser | undefined;
function phoneParser(): PhoneParser {
  parsePhone ??= (
    createRequire(import.meta.url)(
      'libphonenumber-js/min',
    ) as typeof import('libphonenumber-js/min')
  ).parsePhoneNumberFromString;
  return parsePhone;
}

/**
 * 3: names drop a birth name ("geb. Müller") and what video calls add to them ("(sie/ihr)",
 * "| Makerspace"); e-mail cells give the addresses in them.
 * 4: names drop emoji and other symbols ("Lena Vogt 🚀"), and a part of titles, a company or a
 * role after a comma ("Köhler, Jürgen, Dr.", "Jürgen Köhler, Köhler GmbH"); a tail after a spaced
 * slash or at sign; a company before a spaced dash ("Köhler GmbH – Jürgen Köhler"); a name
 * written as a handle is two words ("juergen.koehler").
 */
export const NORMALIZATION_VERSION = 4;

/** Printable ASCII needs no Unicode normalisation or folding (the common case, checked first). */
const ASCII = /^[ -~]*$/;

/** Unicode NFC, so that a composed and a decomposed "ü" are the same letter. */
export function nfc(value: string): string {
  return ASCII.test(value) ? value : value.normalize('NFC');
}

/** Case fold (lower case without locale rules). */
export function caseFold(value: string): string {
  return value.toLowerCase();
}

/** Trims and collapses every run of white space to one space. */
export function collapseSpace(value: string): string {
  return (unusualSpace(value) ? value.replace(/\s+/g, ' ') : value).trim();
}

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** DIN 5007-2 folding: ä→ae, ö→oe, ü→ue, ß→ss (expects lower case). */
export function foldUmlauts(value: string): string {
  if (ASCII.test(value)) return value;
  return value.replace(/[äöüß]/g, (c) => UMLAUTS[c] as string);
}

/** Other accents dropped after DIN folding: é→e, ç→c, ı→i, ł→l, ø→o. */
export function foldAccents(value: string): string {
  if (ASCII.test(value)) return value;
  return value
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** Bracketed additions, and a tail after a bar, a bullet, or a spaced dash, slash or at sign. */
const ANNOTATION = /\s*[([][^)\]]*[)\]]/g;
const TAIL = /\s*[|·•]\s*|\s+[-–—/@]\s+/;

/** Legal forms of companies, folded (GmbH, AG, e.V., …). */
export const LEGAL_FORM =
  /\b(gmbh|ug|ag|kg|ohg|eg|e\.v\.|ev|mbh|co\.|co|inc\.?|ltd\.?|llc|gbr|haftungsbeschraenkt)\b/g;

/** Roles people add after their name ("Jürgen Köhler, Geschäftsführer"), folded. */
const ROLES = new Set([
  'ceo',
  'cto',
  'cfo',
  'coo',
  'founder',
  'co-founder',
  'cofounder',
  'gruender',
  'gruenderin',
  'mitgruender',
  'mitgruenderin',
  'geschaeftsfuehrer',
  'geschaeftsfuehrerin',
  'inhaber',
  'inhaberin',
  'vorstand',
  'owner',
]);

/**
 * Whether a part of a name is a company or a role rather than a name: words with a legal form
 * ("Köhler GmbH"; a lone "Co" may be a surname) or a role ("CEO", "Geschäftsführerin").
 */
export function companyOrRole(part: string): boolean {
  const folded = foldUmlauts(caseFold(part.trim()));
  if (ROLES.has(folded)) return true;
  if (!folded.includes(' ')) return false;
  LEGAL_FORM.lastIndex = 0;
  return LEGAL_FORM.test(folded);
}

/** Words with a letter in them. */
const wordCount = (value: string) =>
  value.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

/**
 * Drops what people add to their name in a video call or a badge field: pronouns or a company in
 * brackets ("Anke Büscher (sie/ihr)", "Jan Peters [Stadtwerke]") and a tail after a bar, bullet
 * or spaced dash ("Lena Vogt | Makerspace", "Lena Vogt – Makerspace"). A single word or an
 * initial surname with a full name in brackets is Zoom's "Name (Original Name)" of someone who
 * renamed themselves: "Anke (Anke Büscher)" and "Anke B. (Anke Büscher)" are Anke Büscher. A hyphen inside a name ("Anna-Lena", "Müller-Lüdenscheidt")
 * stays; a name that is nothing but an addition stays as it is.
 */
export function dropAnnotations(value: string): string {
  // Most names carry none: one cheap look first.
  if (!/[([|·•–—]| [-/@] /.test(value)) return value;
  // The first part is the name, unless it is the company and another part is not
  // ("Köhler GmbH – Jürgen Köhler").
  const parts = value.replace(ANNOTATION, ' ').split(TAIL);
  const first = parts[0]?.trim() ?? '';
  const other = companyOrRole(first)
    ? parts.slice(1).find((p) => wordCount(p) >= 2 && !companyOrRole(p))
    : undefined;
  const kept = (other ?? first).trim();
  // A lone word or "Anke B." outside, a full name inside: the name inside is the better one.
  if (wordCount(kept) <= 1 || /\s\p{L}\.?$/u.test(kept)) {
    const inside = [...value.matchAll(/[([]([^)\]]*)[)\]]/g)].map((m) => (m[1] ?? '').trim());
    const only = inside.length === 1 ? (inside[0] as string) : '';
    if (wordCount(only) >= 2 && !/[/@]/.test(only)) return only;
  }
  return kept === '' ? value : kept;
}

/** Pronouns, a guest or host mark: additions that name no company or group. */
const NOT_A_COMPANY =
  /\/|^(?:sie|er|ihr|he|she|they|him|her|them|gast|guest|host|extern|external)$/i;

/**
 * The company or group a display name adds, as dropAnnotations leaves it out: "Stadtwerke
 * Solingen" from "Jan Peters [Stadtwerke Solingen]", "Makerspace" from "Lena Vogt | Makerspace",
 * "Köhler GmbH" from "Köhler GmbH – Jürgen Köhler"; undefined when the name adds nothing, or only
 * pronouns ("(sie/ihr)"), a guest mark ("(Gast)"), the full name of a renamed account ("Anke (Anke
 * Büscher)"), or more than one addition.
 */
export function annotationCompany(value: string): string | undefined {
  if (!/[([|·•–—]| [-/@] /.test(value)) return undefined;
  const kept = dropAnnotations(value);
  if (kept === value) return undefined;
  const inside = [...value.matchAll(/[([]([^)\]]*)[)\]]/g)].map((m) => m[1] ?? '');
  const words = caseFold(kept).split(/\s+/);
  // The other spelling of a renamed account's name ("Anke", "Anke B.") is the name, not a company.
  const ofName = (part: string) =>
    caseFold(part)
      .split(/\s+/)
      .every(
        (w) => words.includes(w) || (/^\p{L}\.?$/u.test(w) && words.some((k) => k[0] === w[0])),
      );
  const parts = [...inside, ...value.replace(ANNOTATION, ' ').split(TAIL)]
    .map((p) => p.trim())
    .filter((p) => p !== '' && /\p{L}/u.test(p) && !NOT_A_COMPANY.test(p) && !ofName(p));
  return parts.length === 1 ? parts[0] : undefined;
}

/** A birth name after the name: "geb. Müller", "(geb. Müller)", ", geborene Müller", "née Müller". */
const BIRTH_NAME = /\s*,?\s*\(?(?<!\p{L})(?:geb\.\s*|(?:geb|geborene|née)\s+)[^,()]+\)?/giu;

/**
 * Drops a birth name: "Anna Schmidt geb. Müller" → "Anna Schmidt", "Schmidt (geb. Müller), Anna"
 * → "Schmidt, Anna". A married name is the one the other lists know.
 */
export function dropBirthName(value: string): string {
  // Most names carry none: one cheap look first.
  if (!/geb|née/i.test(value)) return value;
  return value.replace(BIRTH_NAME, '').trim();
}

/**
 * "Nachname, Vorname" → "Vorname Nachname" when the value has exactly one comma; a part of only
 * titles and degrees is left out ("Köhler, Jürgen, Dr." → "Jürgen Köhler", "Müller, Dr." →
 * "Müller").
 */
export function reorderLastFirst(value: string): string {
  // Most names have no comma: no split, no array (called for every record's name).
  if (!value.includes(',')) return value;
  const written = value.split(',');
  const parts = written.filter(
    (part) => part.trim() === '' || (dropTitles(part.trim()) !== '' && !companyOrRole(part)),
  );
  if (parts.length === 1 && written.length > 1) return (parts[0] as string).trim();
  if (parts.length !== 2) return value;
  const [last, first] = parts.map((p) => p.trim());
  if (!last || !first) return value;
  return `${first} ${last}`;
}

const TITLES = new Set([
  'dr',
  'dr.',
  'dres.',
  'prof',
  'prof.',
  'professor',
  'dipl.-ing.',
  'dipl.-ing',
  'dipl.-kfm.',
  'dipl.-kff.',
  'dipl.-inf.',
  'dr.-ing.',
  'dr.-ing',
  'dr.med.',
  'dr.rer.nat.',
  'dipl.',
  'ing.',
  'mag.',
  'mba',
  'msc',
  'm.sc.',
  'bsc',
  'b.sc.',
  'm.a.',
  'b.a.',
  'ma',
  'ba',
  'phd',
  'ph.d.',
  'med.',
  'rer.',
  'nat.',
  'rer.nat.',
  'h.c.',
  'jun.',
  'jr.',
  'sen.',
  'sr.',
  'herr',
  'frau',
  'hr.',
  'fr.',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'ra',
  'pd',
  'priv.-doz.',
  'mdb',
  'll.m.',
  'fh-prof.',
  'univ.-prof.',
  'univ.prof.',
]);

/**
 * A name written as one word the way a handle is: "juergen.koehler", "jürgen_köhler" (a platform
 * that took the e-mail's user name), "JürgenKöhler" → two words. Words of at least two letters
 * around a dot or underscore, or two capitalised words of at least three letters run together
 * ("McDonald" stays).
 */
export function splitJoinedName(value: string): string {
  if (value.includes(' ')) return value;
  if (HANDLE.test(value)) return value.replace(/[._]/g, ' ');
  const camel = CAMEL.exec(value);
  return camel === null ? value : `${camel[1]} ${camel[2]}`;
}
const HANDLE = /^\p{L}{2,}(?:[._]\p{L}{2,})+$/u;
const CAMEL = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})$/u;

/** Emoji and other symbols (with their joiners and variation selectors). */
const SYMBOLS = /\p{Extended_Pictographic}|\p{So}|\u200d|\ufe0e|\ufe0f/gu;

/** Drops emoji and other symbols people put in their display name: "Lena Vogt 🚀" → "Lena Vogt". */
export function dropSymbols(value: string): string {
  return ASCII.test(value) ? value : value.replace(SYMBOLS, ' ');
}

/** Drops titles, degrees and salutations (Dr., Prof., Dipl.-Ing., Herr, …) from a name. */
export function dropTitles(value: string): string {
  // Most names carry none: one look for a title between spaces before splitting.
  if (!TITLE_TOKEN.test(value.toLowerCase())) return value;
  return value
    .split(' ')
    .filter((token) => !TITLES.has(token.toLowerCase()))
    .join(' ');
}

/** A title as a whole space-separated token (the titles are ASCII). */
const TITLE_TOKEN = new RegExp(
  `(?:^| )(?:${[...TITLES].map((t) => t.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?= |$)`,
);

const DEVICE =
  /^(?:iphone|ipad|ipod|android|galaxy|samsung|pixel|huawei|xiaomi|laptop|macbook|handy|tablet|pc)\b/i;
const DEVICE_WORD =
  /iphone|ipad|ipod|android|galaxy|samsung|pixel|huawei|xiaomi|laptop|macbook|handy|tablet|pc/i;

/**
 * Device names a video tool shows instead of a person: "iPhone von Anke", "iPhone (Brian Smith)",
 * "Ankes iPad", "Galaxy S21". Returns the person's name when the device name holds one, "" when
 * it is only a device, and undefined when the value is not a device name.
 */
export function personOfDevice(value: string): string | undefined {
  const v = value.trim();
  // Every pattern below names a device: without such a word the value is no device name.
  if (!DEVICE_WORD.test(v)) return undefined;
  const of =
    /^(?:iphone|ipad|ipod|android|galaxy|samsung|pixel|huawei|handy|tablet|laptop|macbook)\b.*?\b(?:von|of|from)\s+(.+)$/i.exec(
      v,
    );
  if (of) return (of[1] as string).trim();
  const paren =
    /^(?:iphone|ipad|ipod|android|galaxy|samsung|pixel|huawei|handy|tablet|laptop|macbook)[^(]*\((.+)\)$/i.exec(
      v,
    );
  if (paren) return (paren[1] as string).trim();
  const owner =
    /^(.+?)(?:'s|s|’s)\s+(?:iphone|ipad|ipod|android|galaxy|handy|tablet|laptop|macbook)\b/i.exec(
      v,
    );
  if (owner) return (owner[1] as string).trim();
  return DEVICE.test(v) ? '' : undefined;
}

/** The folded form of a name used for keys: NFC, order, titles, case, umlauts, accents, space. */
export function foldName(name: string): string {
  const device = personOfDevice(name);
  const base = device === undefined ? name : device;
  return collapseSpace(
    foldAccents(
      foldUmlauts(
        caseFold(
          dropTitles(
            collapseSpace(
              reorderLastFirst(
                splitJoinedName(dropBirthName(dropAnnotations(dropSymbols(nfc(base))))).trim(),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The key a full name is compared by: "Dr. Köhler,  Jürgen" → "juergen koehler". */
export function nameKey(name: string): string {
  return foldName(name);
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAG = new Set([
  'outlook.com',
  'outlook.de',
  'hotmail.com',
  'hotmail.de',
  'live.com',
  'live.de',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
]);

/**
 * The key an e-mail address is compared by: trimmed and lower case; Gmail and Googlemail ignore
 * dots and `+tags` (googlemail → gmail); Outlook, Hotmail, Live and iCloud drop `+tags`; other
 * providers only lower case.
 */
export function emailKey(email: string): string {
  const e = caseFold(nfc(email.trim()));
  const at = e.lastIndexOf('@');
  if (at < 1) return e;
  let local = e.slice(0, at);
  let domain = e.slice(at + 1);
  if (GMAIL.has(domain)) {
    local = local.replace(/\+.*$/, '').replace(/\./g, '');
    domain = 'gmail.com';
  } else if (PLUS_TAG.has(domain)) {
    local = local.replace(/\+.*$/, '');
  }
  return `${local}@${domain}`;
}

/** A phone number in E.164, with Germany as the default region; undefined when it is no number. */
export function phoneKey(phone: string): string | undefined {
  const parsed = phoneParser()(phone.replace(/^00/, '+'), 'DE');
  return parsed?.isPossible() ? parsed.number : undefined;
}
