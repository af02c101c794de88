// Date cells → calendar dates. Takes a date as written and the order the profile uses
// (US month-first, German day-first) and returns `YYYY-MM-DD`, or undefined when unreadable.
// No time zone arithmetic: a date is the calendar date as written.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateOrder = 'month-first' | 'day-first';

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const y = year < 100 ? 2000 + year : year;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses ISO (`2025-02-06…`), German (`06.02.2025`), Zoom's `Feb 6, 2025 6:00 PM` and slashed
 * dates in the given order.
 */
export function parseDate(value: string, order: DateOrder): string | undefined {
  const text = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b/.exec(text);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})\b/.exec(text);
  if (m) {
    const month = MONTHS.indexOf((m[1] as string).toLowerCase()) + 1;
    return month === 0 ? undefined : iso(Number(m[3]), month, Number(m[2]));
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'month-first' ? iso(Number(m[3]), a, b) : iso(Number(m[3]), b, a);
  }
  return undefined;
}
