// Bytes → text. Takes the raw bytes of one input and returns the decoded text and the encoding
// that was used: a BOM decides first, then strict UTF-8, else Windows-1252 (via iconv-lite,
// because Node 20's TextDecoder silently drops 0x80–0x9F: € „ “).
import { constants } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import type { Encoding } from '../types.js';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Iconv = typeof import('iconv-lite');
let iconvLite: Iconv | undefined;

/**
 * iconv-lite, loaded on first use: most inputs are UTF-8, and loading it (its code tables)
 * would cost every run ~10 ms of start-up. A plain require from this file's place, so that the
 * CLI's bundle leaves it out and Node finds it among netz's dependencies.
 */
function iconv(): Iconv {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvLite;
}

function hasBom(bytes: Uint8Array, ...bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/**
 * The most characters a file's text may have: V8's longest string (536,870,888 on 64-bit), as a
 * file is decoded into one. About 512 MiB of UTF-8 or Windows-1252, 1 GiB of UTF-16.
 */
export const MAX_TEXT_CHARS = constants.MAX_STRING_LENGTH;

/** The most bytes a file that fits MAX_TEXT_CHARS can have, in any encoding (UTF-16 with BOM). */
export const MAX_INPUT_BYTES = 2 * MAX_TEXT_CHARS + 2;

/** The refusal of a file whose text is longer than `limit` characters. */
export function tooLarge(path: string, limit: number = MAX_TEXT_CHARS): InputError {
  return new InputError(
    'too-large',
    path,
    undefined,
    `the file is too large to read as one text (more than ${limit} characters); split the export into smaller files, by year or by event`,
  );
}

/**
 * The characters the bytes decode to, counted without decoding: UTF-16 two bytes each, UTF-8
 * one per byte that does not continue a character, Windows-1252 one per byte. The BOM not counted.
 */
export function textLength(bytes: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le';
    const bom = hasBom(bytes, le ? 0xff : 0xfe, le ? 0xfe : 0xff) ? 2 : 0;
    return Math.floor((bytes.length - bom) / 2);
  }
  if (encoding === 'windows-1252') return bytes.length;
  let chars = hasBom(bytes, 0xef, 0xbb, 0xbf) ? -1 : 0;
  for (let i = 0; i < bytes.length; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) chars++;
  return chars;
}

/**
 * The encoding of a file too large to be decoded whole on the chance that it is UTF-8: by its BOM
 * or UTF-16's zero bytes, else UTF-8 (which counts no more characters than Windows-1252).
 */
function encodingBySight(bytes: Uint8Array): Encoding {
  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) return 'utf-8-bom';
  if (hasBom(bytes, 0xff, 0xfe)) return 'utf-16le';
  if (hasBom(bytes, 0xfe, 0xff)) return 'utf-16be';
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return 'utf-16le';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)
    return 'utf-16be';
  return 'utf-8';
}

/**
 * Detects the encoding (or uses `forced`) and decodes; the BOM is never part of the text. A file
 * whose text would be longer than `limit` characters is refused (InputError `too-large`).
 */
export function decodeBytes(
  bytes: Uint8Array,
  path: string,
  forced?: Encoding,
  limit: number = MAX_TEXT_CHARS,
): Decoded {
  if (bytes.length > limit) {
    if (textLength(bytes, forced ?? encodingBySight(bytes)) > limit) throw tooLarge(path, limit);
  }
  let decoded: Decoded;
  try {
    decoded = decodeWhole(bytes, path, forced);
  } catch (error) {
    // A text longer than V8's strings (a Windows-1252 file counted as UTF-8 above).
    if (error instanceof RangeError) throw tooLarge(path, limit);
    throw error;
  }
  if (decoded.text.length > limit) throw tooLarge(path, limit);
  return decoded;
}

function decodeWhole(bytes: Uint8Array, path: string, forced?: Encoding): Decoded {
  const detected = forced === undefined ? detect(bytes) : { encoding: forced, text: undefined };
  const encoding = detected.encoding;
  // Detection decoded valid UTF-8 already: no second pass over the bytes.
  if (detected.text !== undefined) return { text: detected.text, encoding };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf-8-bom':
    case 'utf-8': {
      const start = hasBom(bytes, 0xef, 0xbb, 0xbf) ? 3 : 0;
      try {
        return { text: utf8.decode(bytes.subarray(start)), encoding };
      } catch {
        throw new InputError(
          'undecodable',
          path,
          undefined,
          'the file is not valid UTF-8; pass --encoding windows-1252 (or the encoding it was saved in)',
        );
      }
    }
    case 'utf-16le':
    case 'utf-16be': {
      const le = encoding === 'utf-16le';
      const start = hasBom(bytes, le ? 0xff : 0xfe, le ? 0xfe : 0xff) ? 2 : 0;
      const body = buffer.subarray(start);
      return { text: iconv().decode(body, le ? 'utf16le' : 'utf16be'), encoding };
    }
    case 'windows-1252':
      return { text: iconv().decode(buffer, 'win1252'), encoding };
  }
}

/** BOM first (UTF-8, UTF-16LE, UTF-16BE), then BOM-less UTF-16, else strict UTF-8, else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  return detect(bytes).encoding;
}

/** The encoding, and the text when telling it meant decoding the whole file as UTF-8. */
function detect(bytes: Uint8Array): { encoding: Encoding; text: string | undefined } {
  const only = (encoding: Encoding) => ({ encoding, text: undefined });
  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) return only('utf-8-bom');
  if (hasBom(bytes, 0xff, 0xfe)) return only('utf-16le');
  if (hasBom(bytes, 0xfe, 0xff)) return only('utf-16be');
  // UTF-16 without a BOM: ASCII letters with a zero byte beside each.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return only('utf-16le');
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)
    return only('utf-16be');
  try {
    return { encoding: 'utf-8', text: utf8.decode(bytes) };
  } catch {
    return only('windows-1252');
  }
}
