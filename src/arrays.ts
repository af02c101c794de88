// Arrays kept for the whole run, at their size.

/**
 * The array again at its size. V8 grows an array filled by push to room for 17 elements at its
 * first push (and by half again beyond): 152 bytes for one element. Arrays kept per record or per
 * person (a million records' e-mails, a person's records, groups and events) are copied once at
 * their size instead.
 */
export function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
