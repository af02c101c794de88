// Spreadsheet bytes → table rows. Recognises .xlsx and legacy .xls by content (not by name);
// reads the first sheet of an .xlsx (or the one asked for) after checking the archive's declared
// sizes, so that a decompression bomb is refused before anything is inflated.
import { InputError } from '../errors.js';
import type { TableRow } from './table.js';

export type Container = 'xlsx' | 'xls' | 'text';

/** Limits on what an .xlsx may declare before netz inflates it. */
export const XLSX_LIMITS = Object.freeze({
  entryBytes: 100 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  ratio: 200,
});

/** `PK\x03\x04` is a zip (an .xlsx); `D0 CF 11 E0` an OLE2 compound file (a legacy .xls). */
export function detectContainer(bytes: Uint8Array): Container {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => bytes[i] === b)) return 'xls';
  return 'text';
}

/** Reads the zip's central directory and refuses archives that declare too much. */
export function checkDeclaredSizes(bytes: Uint8Array, path: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (why: string) => {
    throw new InputError(
      'xlsx-refused',
      path,
      undefined,
      `${why}; open it in a spreadsheet program and save it again, or export CSV`,
    );
  };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('the .xlsx archive is damaged (no central directory)');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      refuse('the .xlsx archive is damaged (bad central directory)');
    }
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff || compressed === 0xffffffff)
      refuse('the .xlsx declares a part over 4 GB');
    if (size > XLSX_LIMITS.entryBytes) refuse(`the .xlsx declares a part of ${size} bytes`);
    if (size > 1024 * 1024 && size > compressed * XLSX_LIMITS.ratio) {
      refuse('the .xlsx compresses a part more than 200-fold (a decompression bomb?)');
    }
    total += size;
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  if (total > XLSX_LIMITS.totalBytes) refuse(`the .xlsx declares ${total} bytes in all`);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Reads one sheet (the first unless named or numbered from 1) into rows; line = sheet row. */
export async function readXlsxRows(
  bytes: Uint8Array,
  path: string,
  sheet?: string,
): Promise<TableRow[]> {
  checkDeclaredSizes(bytes, path);
  const which = sheet === undefined ? 1 : /^\d+$/.test(sheet) ? Number(sheet) : sheet;
  let data: unknown[][];
  try {
    // Loaded on first use: most runs read no spreadsheet, and the reader costs ~90 ms to load.
    const { readSheet } = await import('read-excel-file/node');
    data = (await readSheet(Buffer.from(bytes), which)) as unknown[][];
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/sheet/i.test(message) && sheet !== undefined) {
      throw new InputError(
        'no-such-sheet',
        path,
        undefined,
        `the workbook has no sheet ${sheet}; name an existing one with --sheet`,
      );
    }
    throw new InputError(
      'not-a-table',
      path,
      undefined,
      'the .xlsx cannot be read; open it in a spreadsheet program and save it again, or export CSV',
    );
  }
  return data.map((row, i) => ({ line: i + 1, cells: row.map(cellText) }));
}
