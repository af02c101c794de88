// An e-mail cell → the addresses in it. Exports mostly hold one bare address per cell, but lists
// copied from a mail program write "Hans Müller <hans.mueller@web.de>" or "mailto:…", and
// hand-kept member lists put two addresses in one cell ("a@x.de; b@y.de"). Each address keeps
// its spelling (normalisation is the resolver's); a cell without an address gives none.

/** An address: no space, bracket, quote, comma or semicolon on either side of its @. */
const ADDRESS = /[^\s<>()[\]"';,]+@[^\s<>()[\]"';,]+/g;

/** The addresses in a tidy e-mail cell, each once, in the order written. */
export function emailsInCell(value: string): string[] {
  const at = value.indexOf('@');
  if (at < 0) return [];
  // The common cell is one bare address: nothing around it to take off.
  if (!/[\s<>()[\]"';,:]/.test(value)) return at > 0 && at < value.length - 1 ? [value] : [];
  const found: string[] = [];
  for (const match of value.match(ADDRESS) ?? []) {
    const address = match.replace(/^mailto:/i, '').replace(/\.+$/, '');
    if (address.indexOf('@') > 0 && !found.includes(address)) found.push(address);
  }
  return found;
}

/**
 * A name cell with an address in it: a platform that shows the address when no name was given
 * ("juergen.koehler@web.de"), or a name copied from a mail program ("Jürgen Köhler
 * <juergen.koehler@web.de>"). The addresses, and the name without them (undefined when nothing
 * else is left): reports show names, never addresses.
 */
export function addressesInName(value: string): { name: string | undefined; emails: string[] } {
  const emails = emailsInCell(value);
  if (emails.length === 0) return { name: value, emails };
  let rest = value;
  for (const address of emails) rest = rest.split(address).join(' ');
  rest = rest
    .replace(/mailto:/gi, ' ')
    .replace(/<\s*>|\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:<>"'-]+|[\s,;:<>"'-]+$/g, '');
  return { name: /\p{L}/u.test(rest) ? rest : undefined, emails };
}
