// A name → its parts for comparison: first name, surname with its particles (vom Stein), middle
// names, and whether the surname is only an initial (Meetup's "Jürgen K.").
import { foldName, personOfDevice } from './normalize.js';

export interface NameParts {
  /** Folded full key: first + surname, middle names left out. */
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly middle: readonly string[];
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

export function parseName(raw: string): NameParts {
  const device = personOfDevice(raw) !== undefined;
  const folded = foldName(raw);
  const tokens = folded.split(' ').filter((t) => t !== '');
  if (tokens.length === 0)
    return {
      key: '',
      first: '',
      last: '',
      middle: [],
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
  return {
    key: `${first} ${last}`.replace(/\.$/, ''),
    first,
    last: bare,
    middle,
    initialOnly: bare.length === 1,
    firstOnly: false,
    device,
  };
}
