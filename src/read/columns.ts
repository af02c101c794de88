// Header → column roles. Takes a header row (and the user's --map) and returns which columns
// hold which role, matched case-insensitively by alias in English and German; also recognises
// the export profile (Meetup, Eventbrite, Luma, Google Forms, generic) by header signature.
import { UsageError } from '../errors.js';
import type { ColumnRole } from '../types.js';

/** Lower case, BOM and surrounding space removed, inner white space collapsed. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
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
  status: ['rsvp', 'attendee status', 'approval_status', 'status', 'attendance', 'teilnahme'],
  group: ['group', 'gruppe', 'netzwerk', 'network'],
  title: ['titel', 'akademischer titel', 'prefix'],
};

const ALIAS_TO_ROLE = new Map<string, ColumnRole>();
for (const [role, aliases] of Object.entries(ALIASES) as [ColumnRole, readonly string[]][]) {
  for (const alias of aliases) ALIAS_TO_ROLE.set(alias, role);
}

export type Profile = 'meetup' | 'eventbrite' | 'luma' | 'google-forms' | 'generic';

/** Recognises the export format from its header keys. */
export function detectProfile(keys: readonly string[]): Profile {
  const has = (k: string) => keys.includes(k);
  if (has('user id') && (has('rsvp') || has('url of member profile'))) return 'meetup';
  if ((has('order #') || has('order no.')) && has('attendee status')) return 'eventbrite';
  if ((has('api_id') || has('guest_id')) && has('approval_status')) return 'luma';
  if (has('timestamp') || has('zeitstempel')) return 'google-forms';
  return 'generic';
}

/** Headers a profile reads differently from the generic alias table. */
const PROFILE_IGNORES: Readonly<Record<Profile, readonly string[]>> = {
  meetup: ['title'],
  eventbrite: ['group'],
  luma: [],
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
