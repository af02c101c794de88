// Cell values → status. Takes the status-bearing cells of a row as a profile defines them and
// returns one of DESIGN.md's statuses, or undefined when the value is not known.
import type { Status } from '../types.js';

const GENERIC_STATUS: ReadonlyMap<string, Status> = new Map<string, Status>([
  ['attended', 'attended'],
  ['checked in', 'attended'],
  ['checked-in', 'attended'],
  ['present', 'attended'],
  ['anwesend', 'attended'],
  ['teilgenommen', 'attended'],
  ['erschienen', 'attended'],
  ['registered', 'registered'],
  ['attending', 'registered'],
  ['angemeldet', 'registered'],
  ['yes', 'registered'],
  ['ja', 'registered'],
  ['zugesagt', 'registered'],
  ['approved', 'registered'],
  ['confirmed', 'registered'],
  ['bestätigt', 'registered'],
  ['no-show', 'noshow'],
  ['noshow', 'noshow'],
  ['no show', 'noshow'],
  ['nicht erschienen', 'noshow'],
  ['declined', 'declined'],
  ['no', 'declined'],
  ['nein', 'declined'],
  ['abgesagt', 'declined'],
  ['not attending', 'cancelled'],
  ['cancelled', 'cancelled'],
  ['canceled', 'cancelled'],
  ['storniert', 'cancelled'],
  ['refunded', 'cancelled'],
  ['deleted', 'cancelled'],
  ['transferred', 'cancelled'],
  ['waitlist', 'waitlist'],
  ['waitlisted', 'waitlist'],
  ['warteliste', 'waitlist'],
  ['pending', 'waitlist'],
  ['pending_approval', 'waitlist'],
  ['invited', 'waitlist'],
  ['member', 'listed'],
  ['mitglied', 'listed'],
  ['listed', 'listed'],
]);

/** Maps a free-text status value (any case) to a status. */
export function statusFromValue(value: string): Status | undefined {
  return GENERIC_STATUS.get(value.trim().toLowerCase());
}

/** Meetup: `RSVP` Yes/No/Waitlist; an optional `Attendance` column marks who came (`Y`). */
export function meetupStatus(rsvp: string, attendance: string | undefined): Status | undefined {
  const value = rsvp.trim().toLowerCase();
  if (value === 'no') return 'declined';
  if (value === 'waitlist') return 'waitlist';
  if (value !== 'yes' && value !== '') return undefined;
  if (attendance === undefined) return 'registered';
  const came = attendance.trim().toLowerCase();
  if (came === 'y' || came === 'yes' || came === 'attended') return 'attended';
  if (came === 'n' || came === 'no' || came === 'noshow' || came === 'no show') return 'noshow';
  return 'registered';
}

/** Luma: `approval_status` plus `checked_in_at` (non-empty = came). */
export function lumaStatus(approval: string, checkedInAt: string | undefined): Status | undefined {
  const status = statusFromValue(approval === '' ? 'approved' : approval);
  if (status === 'registered' && checkedInAt !== undefined && checkedInAt.trim() !== '') {
    return 'attended';
  }
  return status;
}
