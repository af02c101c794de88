// Header → column roles. Takes a header row (and the user's --map) and returns which columns
// hold which role, matched case-insensitively by alias in English and German; also recognises
// the export profile (Meetup, Eventbrite, Luma, Google Forms, generic) by header signature.
import { UsageError } from '../errors.js';
import type { ColumnRole, ProfileName } from '../types.js';
import { unusualSpace } from '../whitespace.js';

/** Lower case, BOM and surrounding space removed, inner white space collapsed. */
export function headerKey(header: string): string {
  const trimmed = (header.charCodeAt(0) === 0xfeff ? header.slice(1) : header).trim();
  // Most cells have no run of white space or other space than " ": skip the regular expression.
  const spaced = unusualSpace(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  return spaced.toLowerCase();
}

const ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  name: [
    'name',
    'full name',
    'fullname',
    'display name',
    'teilnehmer',
    'teilnehmerin',
    'teilnehmer:in',
    'teilnehmer*in',
    'teilnehmende',
    'teilnehmername',
    'participant',
    'attendee',
    'attendee name',
    'guest name',
    'member',
    'mitglied',
    'user name (original name)',
    'name (original name)',
    'vollständiger name',
  ],
  firstName: ['first name', 'firstname', 'first_name', 'given name', 'vorname'],
  lastName: [
    'last name',
    'lastname',
    'last_name',
    'surname',
    'family name',
    'nachname',
    'familienname',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'email-adresse',
    'e-mail-adresse',
    'e-mail adresse',
    'emailadresse',
    'mail',
    'user email',
  ],
  phone: [
    'phone',
    'phone number',
    'phone_number',
    'mobile phone',
    'telefon',
    'telefonnummer',
    'mobil',
    'mobilnummer',
    'handy',
  ],
  platformId: ['user id', 'member id'],
  company: ['company', 'company name', 'organisation', 'organization', 'firma', 'unternehmen'],
  event: ['event', 'event name', 'veranstaltung', 'event title', 'topic', 'meeting title'],
  date: ['date', 'event date', 'datum', 'veranstaltungsdatum'],
  status: [
    'rsvp',
    'attendee status',
    'approval_status',
    'status',
    'attendance',
    'attended',
    'teilnahme',
  ],
  group: ['group', 'gruppe', 'netzwerk', 'network'],
  title: ['titel', 'akademischer titel', 'prefix'],
};

const ALIAS_TO_ROLE = new Map<string, ColumnRole>();
for (const [role, aliases] of Object.entries(ALIASES) as [ColumnRole, readonly string[]][]) {
  for (const alias of aliases) ALIAS_TO_ROLE.set(alias, role);
}

export const PROFILES = [
  'meetup',
  'meetup-members',
  'eventbrite',
  'luma',
  'zoom-webinar',
  'zoom-meeting',
  'teams',
  'google-forms',
  'generic',
] as const satisfies readonly ProfileName[];
export type Profile = ProfileName;

/** Recognises the export format from its header keys (lower case, see headerKey). */
export function detectProfile(keys: readonly string[]): Profile {
  const has = (k: string) => keys.includes(k);
  if (
    has('user id') &&
    (has('member id') || has('last visited group on') || has('meetups attended'))
  ) {
    return 'meetup-members';
  }
  if (has('user id') && (has('rsvp') || has('url of member profile'))) return 'meetup';
  if ((has('order #') || has('order no.')) && has('attendee status')) return 'eventbrite';
  if ((has('api_id') || has('guest_id')) && has('approval_status')) return 'luma';
  if (has('user name (original name)') || (has('attended') && has('join time')))
    return 'zoom-webinar';
  if (has('name (original name)') || (has('user email') && has('join time'))) return 'zoom-meeting';
  if (
    has('participant id (upn)') ||
    has('first join') ||
    has('in-meeting duration') ||
    has('user action')
  ) {
    return 'teams';
  }
  if (has('timestamp') || has('zeitstempel')) return 'google-forms';
  return 'generic';
}

/** Header names that belong to known export formats without mapping to a role. */
const OTHER_KNOWN = new Set([
  'join time',
  'leave time',
  'first join',
  'last leave',
  'role',
  'rsvp',
  'event host',
  'api_id',
  'guest_id',
  'checked_in_at',
  'zeitstempel',
  'timestamp',
  'order #',
  'order no.',
  'in-meeting duration',
  'duration',
  'duration (minutes)',
  'time in session (minutes)',
  'is guest',
  'guest',
  'registration time',
  'approval status',
  'participant id (upn)',
  'title',
  'anrede',
  'user action',
  'stadt',
  'city',
]);

/** Header keys that describe a meeting rather than people (Zoom's summary table). */
const MEETING_KEYS = new Set(['meeting id', 'webinar id']);

/** True when the keys name a name or e-mail column and no meeting-summary column. */
const IDENTITY_ROLES: ReadonlySet<ColumnRole> = new Set(['name', 'email', 'firstName', 'lastName']);

/**
 * A cheap first look at a row (raw cells): false when no cell can be a name or e-mail header, so
 * that data rows skip the full header check. Cells with unusual white space always pass (`spaces`
 * false: the table holds none, see Table.mayHoldUnusualSpace).
 */
export function mayBeIdentityHeader(cells: readonly string[], spaces = true): boolean {
  for (const cell of cells) {
    if (cell.length > 80) continue;
    const trimmed = cell.trim();
    if (mayBeIdentityAlias(trimmed)) {
      const role = ALIAS_TO_ROLE.get(trimmed.toLowerCase());
      if (role !== undefined && IDENTITY_ROLES.has(role)) return true;
    }
    if (spaces && unusualSpace(trimmed)) return true;
  }
  return false;
}

const IDENTITY_ALIASES = [...ALIAS_TO_ROLE]
  .filter(([, role]) => IDENTITY_ROLES.has(role))
  .map(([alias]) => alias);

/** ASCII folded to lower case for letters (other ASCII characters are their own lower case). */
function asciiFold(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}

/** The length and the folded first and last characters of each name or e-mail header alias. */
const IDENTITY_ALIAS_SHAPES: ReadonlySet<number> = new Set(
  IDENTITY_ALIASES.map(
    (a) =>
      a.length * 65536 * 256 +
      asciiFold(a.charCodeAt(0)) * 256 +
      asciiFold(a.charCodeAt(a.length - 1)),
  ),
);
const ASCII_ENDS = IDENTITY_ALIASES.every(
  (a) => a.charCodeAt(0) < 128 && a.charCodeAt(a.length - 1) < 128,
);

/**
 * False when a trimmed cell cannot be a name or e-mail header in any case: its length, first and
 * last characters match no alias (letters compared without case). Aliases change no length in
 * lower case; a cell with a character outside ASCII at either end is always looked up.
 */
function mayBeIdentityAlias(trimmed: string): boolean {
  const n = trimmed.length;
  if (n === 0) return false;
  const first = trimmed.charCodeAt(0);
  const last = trimmed.charCodeAt(n - 1);
  if (!ASCII_ENDS || first >= 128 || last >= 128) return true;
  return IDENTITY_ALIAS_SHAPES.has(n * 65536 * 256 + asciiFold(first) * 256 + asciiFold(last));
}

export function isIdentityHeader(keys: readonly string[]): boolean {
  if (keys.some((k) => MEETING_KEYS.has(k))) return false;
  return keys.some((k) => {
    const role = ALIAS_TO_ROLE.get(k);
    return role === 'name' || role === 'email' || role === 'firstName' || role === 'lastName';
  });
}

/** How many of the keys are header names netz knows. */
export function knownHeaderCount(keys: readonly string[]): number {
  return keys.filter((k) => ALIAS_TO_ROLE.has(k) || OTHER_KNOWN.has(k)).length;
}

/** Headers a profile reads differently from the generic alias table. */
const PROFILE_IGNORES: Readonly<Record<Profile, readonly string[]>> = {
  meetup: ['title'],
  'meetup-members': ['title', 'location'],
  eventbrite: ['group'],
  luma: [],
  'zoom-webinar': [],
  'zoom-meeting': [],
  teams: [],
  'google-forms': [],
  generic: [],
};

/** Column indexes per role; a role may have several columns (two e-mail columns). */
export type ColumnMap = Partial<Record<ColumnRole, number[]>>;

/**
 * Maps each header to a role. `overrides` (from --map role=Header) win; a header named there is
 * matched case-insensitively and must exist.
 */
export function mapColumns(
  header: readonly string[],
  profile: Profile,
  overrides: Readonly<Partial<Record<ColumnRole, string>>>,
  path: string,
): ColumnMap {
  const keys = header.map(headerKey);
  const ignored = new Set(PROFILE_IGNORES[profile]);
  const map: ColumnMap = {};
  const taken = new Set<number>();
  for (const [role, wanted] of Object.entries(overrides) as [ColumnRole, string][]) {
    const index = keys.indexOf(headerKey(wanted));
    if (index < 0) {
      throw new UsageError(
        `${path}: --map ${role}=${wanted} names no column; the columns are: ${header.join(', ')}`,
      );
    }
    map[role] = [index];
    taken.add(index);
  }
  keys.forEach((key, index) => {
    if (taken.has(index) || ignored.has(key)) return;
    const role = ALIAS_TO_ROLE.get(key);
    if (role === undefined || role in overrides) return;
    const list = map[role] ?? [];
    list.push(index);
    map[role] = list;
  });
  return map;
}
