#!/usr/bin/env node
// npm run bench — netz at 10k, 100k and 1M attendance rows (bench/generate.mjs, seeded), against
// DuckDB (bench/package.json) on the core overlap numbers, and pandas + networkx (bench/peer-pandas.py)
// when a Python has them. For each size: the full `netz overlap -f json` as a separate process,
// as users run it and with `--match exact`, alternately (wall time, rows/s and peak RSS, median of
// several runs), netz restricted to the core sections
// (people and exclusive people per group, shared/Jaccard/overlap per pair, groups-per-person
// histogram) in-process and as the CLI's --sections groups,pairs,fish, and DuckDB computing the
// same with SQL. The core numbers of netz and
// DuckDB must be equal; the run fails loudly when they differ or the peer cannot run. pandas must
// agree too when it runs; networkx times the person projection, sampled betweenness with netz's
// pivot count and Louvain, up to a size its memory allows. Last, the same rows as one file (a
// Group column, every field quoted) with `--match exact`: the same report, at about the cost of
// the files one per group.
// Usage: node bench/scale.mjs [--sizes 10000,100000,1000000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildAffiliation,
  measureFish,
  measureGroups,
  measurePairs,
  readAndResolve,
} from '../dist/index.js';
import { generate } from './generate.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = {};
for (const [i, arg] of process.argv.slice(2).entries())
  if (arg.startsWith('--')) args[arg.slice(2)] = process.argv[i + 3];
const SIZES = (args.sizes ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(args.runs ?? 3);
const BIN = join(here, '..', 'bin', 'netz.js');

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The full report as its own process, `netz overlap DIR -f json` (with `--match exact` when
 * asked): wall seconds and peak RSS (MB) from /usr/bin/time.
 */
function fullRun(dir, match, extra = []) {
  const out = join(tmpdir(), `netz-bench-${process.pid}.json`);
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      BIN,
      'overlap',
      dir,
      '-f',
      'json',
      ...(match === undefined ? [] : ['--match', match]),
      ...extra,
      '-o',
      out,
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) fail(`netz failed on ${dir}: ${run.stderr}`);
  const rss = Number(run.stderr.trim().split('\n').pop()) / 1024;
  // The JSON report, unless the extra arguments asked for Markdown (-f md, the later -f).
  const report = extra.includes('md') ? undefined : JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out);
  return { seconds, rss, report };
}

/**
 * The core sections as users ask the CLI for them: `netz overlap DIR --match exact --sections
 * groups,pairs,fish -f md` (measured without the person projection), its own process, start-up
 * included.
 */
const coreCliRun = (dir) =>
  fullRun(dir, 'exact', ['--sections', 'groups,pairs,fish', '-f', 'md']).seconds;

/** netz restricted to the core sections, in-process. */
async function netzCore(dir) {
  const started = performance.now();
  const sources = readdirSync(dir).map((f) => ({
    name: join(dir, f),
    open: async () => readFileSync(join(dir, f)),
  }));
  const analysis = await readAndResolve(sources, { match: 'exact' });
  const graph = buildAffiliation(analysis.people, analysis.records);
  const core = {
    groups: measureGroups(graph).map((g) => [g.name, g.people, g.exclusive]),
    pairs: measurePairs(graph, { population: graph.people.length }).map((p) => [
      p.a,
      p.b,
      p.shared,
      p.jaccard,
      p.overlap,
    ]),
    // DuckDB has no rows for empty bins; netz lists every bin up to the largest.
    histogram: measureFish(graph)
      .groupsPerPerson.filter((h) => h.people > 0)
      .map((h) => [h.groups, h.people]),
  };
  return { seconds: (performance.now() - started) / 1000, core };
}

/** DuckDB: the same numbers with SQL over the same files. */
async function duckCore(dir) {
  let duckdb;
  try {
    duckdb = await import(join(here, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js'));
  } catch (error) {
    fail(`DuckDB cannot run (${error.message}); install the peers with: npm --prefix bench ci`);
  }
  const started = performance.now();
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const files = join(dir, '*.csv').replace(/'/g, "''");
  await db.run(`CREATE TABLE rows AS SELECT regexp_replace(filename, '^.*/|\\.csv$', '', 'g') AS grp, lower(trim("Email")) AS email
    FROM read_csv('${files}', filename = true, header = true, all_varchar = true)`);
  await db.run('CREATE TABLE member AS SELECT DISTINCT grp, email FROM rows');
  await db.run('CREATE TABLE size AS SELECT grp, count(*) AS people FROM member GROUP BY grp');
  await db.run('CREATE TABLE nets AS SELECT email, count(*) AS n FROM member GROUP BY email');
  const groups = (
    await db.runAndReadAll(`SELECT s.grp, s.people, count(n.email) FILTER (WHERE n.n = 1) AS exclusive
    FROM size s JOIN member m USING (grp) JOIN nets n USING (email) GROUP BY s.grp, s.people ORDER BY s.grp`)
  ).getRows();
  const pairs = (
    await db.runAndReadAll(`SELECT a.grp, b.grp, count(*) AS shared FROM member a JOIN member b
    ON a.email = b.email AND a.grp < b.grp GROUP BY a.grp, b.grp`)
  ).getRows();
  const histogram = (
    await db.runAndReadAll('SELECT n, count(*) FROM nets GROUP BY n ORDER BY n')
  ).getRows();
  const seconds = (performance.now() - started) / 1000;
  const size = new Map(groups.map(([g, p]) => [g, Number(p)]));
  const shared = new Map(pairs.map(([a, b, s]) => [`${a}\u0000${b}`, Number(s)]));
  const names = [...size.keys()].sort();
  const allPairs = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i], names[j]];
      const s = shared.get(`${a}\u0000${b}`) ?? 0;
      const [na, nb] = [size.get(a), size.get(b)];
      allPairs.push([a, b, s, s / (na + nb - s), s / Math.min(na, nb)]);
    }
  return {
    seconds,
    core: {
      groups: groups.map(([g, p, e]) => [g, Number(p), Number(e)]),
      pairs: allPairs,
      histogram: histogram.map(([n, c]) => [Number(n), Number(c)]),
    },
  };
}

/** A Python with pandas and networkx: `python3` first, then Debian's own. */
function python() {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pandas, networkx'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

/** Most ties networkx is asked to hold (about 1 KB of dicts each). */
const NETWORKX_MAX_TIES = 5_000_000;
/** A peer run longer than this is stopped and reported as such. */
const PEER_TIMEOUT_SECONDS = 900;

/** pandas (core numbers) and networkx (projection, betweenness, Louvain) on the same files. */
function pandasPeer(interpreter, dir, report) {
  const pivots = report.betweenness.exact ? report.totals.people : report.betweenness.pivots;
  const run = spawnSync(
    interpreter,
    [
      join(here, 'peer-pandas.py'),
      dir,
      String(pivots),
      String(report.options.seed),
      String(NETWORKX_MAX_TIES),
    ],
    { encoding: 'utf8', timeout: PEER_TIMEOUT_SECONDS * 1000, maxBuffer: 1 << 28 },
  );
  if (run.error?.code === 'ETIMEDOUT') return { stopped: true };
  if (run.status !== 0) fail(`pandas + networkx failed on ${dir}: ${run.stderr.trim()}`);
  const result = JSON.parse(run.stdout);
  const s = result.seconds;
  return {
    core: s.read + s.core,
    whole:
      typeof result.graph === 'string'
        ? undefined
        : s.read + s.core + s.projection + s.betweenness + s.louvain,
    graph: result.graph,
    numbers: result.core,
    steps: s,
  };
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`;
console.log(`netz scale benchmark on ${machine}; median of ${RUNS} runs`);
if (!existsSync(join(here, 'node_modules', '@duckdb', 'node-api')))
  fail('DuckDB is not installed; run: npm --prefix bench ci');
const interpreter = python();
const rowsOut = [];
let previous;
for (const size of SIZES) {
  const dir = join(here, 'data', String(size));
  const { files, rows } = generate(size, 1);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  // The command as users run it (identities resolved by scored evidence, the default), and with
  // the deterministic --match exact of the core comparison; alternately, so that the machine's
  // drift falls on both alike.
  const runs = [];
  const exactRuns = [];
  for (let k = 0; k < RUNS; k++) {
    runs.push(fullRun(dir));
    exactRuns.push(fullRun(dir, 'exact'));
  }
  const seconds = median(runs.map((r) => r.seconds));
  const rss = median(runs.map((r) => r.rss));
  const exactSeconds = median(exactRuns.map((r) => r.seconds));
  const exactRss = median(exactRuns.map((r) => r.rss));
  if (runs[0].report.totals.people !== exactRuns[0].report.totals.people)
    console.log(
      `  note: ${runs[0].report.totals.people} people by default, ${exactRuns[0].report.totals.people} with --match exact`,
    );
  // The core sections and DuckDB, alternately too, median of as many runs (a single run at 1M
  // varied by a second or two with this machine's drift).
  const cores = [];
  const peers = [];
  const cliCores = [];
  for (let k = 0; k < RUNS; k++) {
    cores.push(await netzCore(dir));
    peers.push(await duckCore(dir));
    cliCores.push(coreCliRun(dir));
  }
  const cliCore = median(cliCores);
  const mine = { ...cores[0], seconds: median(cores.map((c) => c.seconds)) };
  const peer = { ...peers[0], seconds: median(peers.map((c) => c.seconds)) };
  // The core numbers must agree exactly (ratios to 1e-12).
  const same = (x, y) =>
    JSON.stringify(x, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)) ===
    JSON.stringify(y, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v));
  for (const [k, run] of cores.entries())
    for (const part of ['groups', 'pairs', 'histogram'])
      if (!same(run.core[part], peers[k].core[part]))
        fail(`${size} rows: netz and DuckDB disagree on ${part}`);
  const py =
    interpreter === undefined ? undefined : pandasPeer(interpreter, dir, exactRuns[0].report);
  if (py?.numbers !== undefined)
    for (const part of ['groups', 'pairs', 'histogram'])
      if (!same(mine.core[part], py.numbers[part]))
        fail(`${size} rows: netz and pandas disagree on ${part}`);
  const people = runs[0].report.totals.people;
  rowsOut.push({
    size,
    rows,
    people,
    seconds,
    rss,
    exactSeconds,
    exactRss,
    core: mine.seconds,
    cliCore,
    duck: peer.seconds,
    growth: previous === undefined ? null : seconds / previous,
    py,
  });
  previous = seconds;
  console.log(
    `${rows} rows: full ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} rows/s, ${Math.round(rss)} MB (--match exact ${exactSeconds.toFixed(2)} s, ${Math.round(exactRss)} MB); core ${mine.seconds.toFixed(2)} s in-process, ${cliCore.toFixed(2)} s as the CLI's --sections groups,pairs,fish, vs DuckDB ${peer.seconds.toFixed(2)} s (netz and DuckDB agree)`,
  );
  if (py !== undefined)
    console.log(`  pandas + networkx: ${describePeer(py, exactRuns[0].report)}`);
  // The same rows as one export (a platform-wide download, every field quoted), the group in a
  // column: read as a stream of rows, it should cost about what the 50 files cost, and give the
  // same report.
  const oneDir = join(here, 'data', `${size}-one-file`);
  rmSync(oneDir, { recursive: true, force: true });
  mkdirSync(oneDir, { recursive: true });
  writeFileSync(join(oneDir, 'export.csv'), oneFile(files));
  const oneRuns = [];
  for (let k = 0; k < RUNS; k++) oneRuns.push(fullRun(oneDir, 'exact'));
  const core = (report) =>
    JSON.stringify([report.totals, report.groups, report.pairs, report.fish.groupsPerPerson]);
  if (core(oneRuns[0].report) !== core(exactRuns[0].report))
    fail(`${size} rows: one file and ${files.length} files give different reports`);
  const one = {
    seconds: median(oneRuns.map((r) => r.seconds)),
    rss: median(oneRuns.map((r) => r.rss)),
  };
  rowsOut[rowsOut.length - 1].one = one;
  console.log(
    `  as one quoted file: --match exact ${one.seconds.toFixed(2)} s, ${Math.round(one.rss)} MB (the same groups, pairs and people as the ${files.length} files)`,
  );
}
console.log(
  '\n| rows | people | full report | rows/s | peak RSS | × previous size | --match exact | its RSS | core sections | DuckDB | core / DuckDB | core by the CLI | its / DuckDB |',
);
console.log(
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of rowsOut)
  console.log(
    `| ${r.rows} | ${r.people} | ${r.seconds.toFixed(2)} s | ${Math.round(r.rows / r.seconds)} | ${Math.round(r.rss)} MB | ${r.growth === null ? '–' : r.growth.toFixed(1)} | ${r.exactSeconds.toFixed(2)} s | ${Math.round(r.exactRss)} MB | ${r.core.toFixed(2)} s | ${r.duck.toFixed(2)} s | ${(r.core / r.duck).toFixed(1)} | ${r.cliCore.toFixed(2)} s | ${(r.cliCore / r.duck).toFixed(1)} |`,
  );
console.log(
  '\nThe same rows as one file (a Group column, every field quoted), --match exact, against the files one per group:',
);
console.log('\n| rows | one file | its RSS | one file per group | its RSS |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const r of rowsOut)
  console.log(
    `| ${r.rows} | ${r.one.seconds.toFixed(2)} s | ${Math.round(r.one.rss)} MB | ${r.exactSeconds.toFixed(2)} s | ${Math.round(r.exactRss)} MB |`,
  );
if (interpreter === undefined)
  console.log(
    '\npandas + networkx: not installed here (python3 -c "import pandas, networkx" fails, also with /usr/bin/python3); skipped',
  );
else {
  console.log(
    `\npandas + networkx (${interpreter}): core = read + the core numbers with pandas; whole = core + the person projection, betweenness with netz's pivots and Louvain in networkx (netz computes more sections than that)`,
  );
  console.log(
    '\n| rows | pandas core | netz core / pandas | pandas + networkx | netz full / peer |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const r of rowsOut) {
    const { py } = r;
    const whole =
      py.stopped === true
        ? `stopped after ${PEER_TIMEOUT_SECONDS} s`
        : py.whole === undefined
          ? py.graph
          : `${py.whole.toFixed(2)} s`;
    const core = py.stopped === true ? '–' : `${py.core.toFixed(2)} s`;
    const coreRatio = py.stopped === true ? '–' : (r.core / py.core).toFixed(2);
    const wholeRatio = py.whole === undefined ? '–' : (r.seconds / py.whole).toFixed(2);
    console.log(`| ${r.rows} | ${core} | ${coreRatio} | ${whole} | ${wholeRatio} |`);
  }
}

/**
 * The generated files as one export, every field quoted as platforms write them: a Group column
 * (each file's name) before their columns (whose values hold no quote or comma).
 */
function oneFile(files) {
  const quoted = (line) => `"${line.split(',').join('","')}"`;
  const lines = [];
  for (const f of files) {
    const group = f.name.replace(/\.csv$/, '');
    const [header, ...rows] = f.text.split('\n');
    if (lines.length === 0) lines.push(quoted(`Group,${header}`));
    for (const row of rows) if (row !== '') lines.push(quoted(`${group},${row}`));
  }
  return `${lines.join('\n')}\n`;
}

/** One line on the Python peer's run: its steps and the graph it built. */
function describePeer(py, report) {
  if (py.stopped === true) return `stopped after ${PEER_TIMEOUT_SECONDS} s`;
  const steps = Object.entries(py.steps)
    .map(([step, s]) => `${step} ${s.toFixed(2)} s`)
    .join(', ');
  const graph =
    typeof py.graph === 'string'
      ? py.graph
      : `${py.graph.people} people, ${py.graph.ties} ties, ${py.graph.communities} communities (modularity ${py.graph.modularity.toFixed(4)}; netz ${report.communities.modularity.toFixed(4)})`;
  return `${steps}; ${graph}; core numbers agree with netz`;
}
