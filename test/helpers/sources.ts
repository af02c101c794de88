// Helpers for tests: in-memory sources and the paths of the shipped data.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../../src/types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'fixtures', 'bergisches-land');
export const REVERE = join(ROOT, '..', 'shared', 'datasets', 'revere');
export const BIN = join(ROOT, 'bin', 'netz.js');

/** A source whose bytes are the given text (UTF-8) or bytes. */
export function memory(name: string, content: string | Uint8Array, group?: string): Source {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, group, open: async () => bytes };
}
