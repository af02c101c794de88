// Dense ids for strings, for the look-ups made once per record (a million e-mails). A Map keyed
// by strings sliced from many lines costs 0.7–1.3 µs a look-up at that size on a two-core
// laptop: it hashes each new string object and then, for an equal key, compares it with the
// stored one, following both to their parents' characters. This table keeps its own 32-bit
// hashes in a typed array, so that a slot is rejected without touching a string, and a copy of
// each distinct string's characters in one array, so that an equal hash is confirmed by reading
// one place (1M e-mails, 178k distinct: 0.5 s against 1.35 s with a Map). Its hash is not
// seeded: an input made to collide (many values on one slot) would make every look-up walk them
// all, so after a long walk the table hands over to a Map (V8 seeds its string hashes) and stays
// correct and linear, only slower. The ids are the order of first appearance either way.

/** FNV-1a over UTF-16 units, then MurmurHash3's finaliser (the table keeps the low bits). */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Slots a look-up may walk before the table gives way to a Map (see above). At most half full,
 * 262,144 of the bench's e-mails and names walked at most 38.
 */
const MAX_PROBES = 128;

export class StringIds {
  /** The strings by id. */
  readonly values: string[] = [];
  /** Set once a look-up walked more than MAX_PROBES slots: every look-up goes here from then on. */
  private fallback: Map<string, number> | undefined;
  private hashes: Int32Array = new Int32Array(0);
  /** The characters of every value, one after the other; value k's from start[k] to start[k + 1]. */
  private chars = new Uint16Array(4096);
  private start = new Int32Array(257);
  /** Per slot: id + 1, 0 when empty. */
  private slots: Int32Array = new Int32Array(0);
  private mask = 0;

  constructor(
    expected = 512,
    private readonly hash: (value: string) => number = hashString,
  ) {
    this.resize(Math.max(16, 2 ** Math.ceil(Math.log2(expected * 2))));
  }

  /** Whether the table has given way to a Map (a look-up walked too many slots). */
  get degraded(): boolean {
    return this.fallback !== undefined;
  }

  /** The id of `value`: the existing one, or the next (values.length before the call) when new. */
  idOf(value: string): number {
    if (this.fallback !== undefined) return this.fromMap(this.fallback, value);
    const hash = this.hash(value);
    const { slots, hashes, values, mask } = this;
    let slot = hash & mask;
    for (let probes = 0; ; probes++) {
      const stored = slots[slot] as number;
      if (stored === 0) break;
      if (hashes[slot] === hash && this.holds(stored - 1, value)) return stored - 1;
      if (probes === MAX_PROBES) {
        this.fallback = new Map(values.map((v, id) => [v, id]));
        this.slots = this.hashes = this.start = new Int32Array(0);
        this.chars = new Uint16Array(0);
        return this.fromMap(this.fallback, value);
      }
      slot = (slot + 1) & mask;
    }
    const id = values.length;
    values.push(value);
    this.append(id, value);
    slots[slot] = id + 1;
    hashes[slot] = hash;
    // At most half full: probes stay short.
    if (values.length * 2 > slots.length) this.resize(slots.length * 2);
    return id;
  }

  private fromMap(map: Map<string, number>, value: string): number {
    const known = map.get(value);
    if (known !== undefined) return known;
    const id = this.values.length;
    this.values.push(value);
    map.set(value, id);
    return id;
  }

  /** Whether value `id` has the characters of `value`. */
  private holds(id: number, value: string): boolean {
    const from = this.start[id] as number;
    if ((this.start[id + 1] as number) - from !== value.length) return false;
    const chars = this.chars;
    for (let k = 0; k < value.length; k++)
      if (chars[from + k] !== value.charCodeAt(k)) return false;
    return true;
  }

  private append(id: number, value: string): void {
    const from = this.start[id] as number;
    if (from + value.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, from + value.length));
      chars.set(this.chars);
      this.chars = chars;
    }
    if (id + 2 > this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
    }
    for (let k = 0; k < value.length; k++) this.chars[from + k] = value.charCodeAt(k);
    this.start[id + 1] = from + value.length;
  }

  private resize(size: number): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let s = 0; s < oldSlots.length; s++) {
      const stored = oldSlots[s] as number;
      if (stored === 0) continue;
      const hash = oldHashes[s] as number;
      let slot = hash & this.mask;
      while ((this.slots[slot] as number) !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = stored;
      this.hashes[slot] = hash;
    }
  }
}
