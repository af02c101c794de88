// A file-backed source for tests, named as given.
import { readFileSync } from 'node:fs';
import type { Source } from '../../src/types.js';

export function readFileSource(path: string, name: string = path): Source {
  return { name, open: async () => new Uint8Array(readFileSync(path)) };
}
