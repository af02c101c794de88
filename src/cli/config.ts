// The config file (netz.config.json in the working directory, or --config FILE): zod-validated,
// unknown keys rejected. Paths and globs in it are relative to the file. CLI flags win over it.
import { dirname, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { UsageError } from '../errors.js';
import { PROFILES } from '../read/columns.js';
import { ROLES, type SourceSettings } from '../types.js';
import { readOptionText } from './io.js';

export const CONFIG_FILE = 'netz.config.json';

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

// zod/mini: the same validation as zod's classic API at a twentieth of its size in the bundle
// (every command validates its config and options; the classic API cost ~40 ms of start-up).
z.config(en());

const text = () => z.string().check(z.minLength(1));

export const ConfigSchema = z.strictObject({
  sources: z.optional(
    z.array(
      z.strictObject({
        match: text(),
        group: z.optional(text()),
        profile: z.optional(z.enum(PROFILES)),
        encoding: z.optional(z.enum(ENCODINGS)),
        delimiter: z.optional(z.string().check(z.length(1))),
        sheet: z.optional(text()),
        map: z.optional(z.partialRecord(z.enum(ROLES), text())),
      }),
    ),
  ),
  seed: z.optional(z.int()),
  minGroups: z.optional(z.int().check(z.positive())),
  groupFrom: z.optional(z.enum(['name', 'dir'])),
  attendedOnly: z.optional(z.boolean()),
  excludeHosts: z.optional(z.boolean()),
});

export type Config = z.infer<typeof ConfigSchema>;

export interface LoadedConfig {
  readonly path: string | undefined;
  readonly config: Config;
  /** The settings and group for a file, from the first `sources` entry whose glob matches it. */
  settingsFor(file: string): { group?: string | undefined; settings?: SourceSettings | undefined };
}

/** Loads `--config FILE`, else netz.config.json in `cwd` when it exists, else an empty config. */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  const shown = explicit ?? CONFIG_FILE;
  // As UTF-8, a BOM dropped (a BOM would not be JSON).
  const text = await readOptionText(path, explicit === undefined ? shown : `--config ${shown}`);
  if (text === undefined) {
    if (explicit !== undefined)
      throw new UsageError(`--config ${explicit}: no such file; check the path`);
    return { path: undefined, config: {}, settingsFor: () => ({}) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${shown}: not valid JSON (${(error as Error).message}); fix the file`);
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `${shown}: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}; fix the file (see README, "Config file")`,
    );
  }
  const config = parsed.data;
  const base = dirname(path);
  const matchers = (config.sources ?? []).map((entry) => ({
    entry,
    test: picomatch(entry.match, { dot: true }),
  }));
  return {
    path,
    config,
    settingsFor(file: string) {
      const rel = relative(base, resolve(cwd, file)).split(sep).join('/');
      const hit = matchers.find((m) => m.test(rel));
      if (!hit) return {};
      const { group, match: _match, ...settings } = hit.entry;
      return { group, settings };
    },
  };
}
