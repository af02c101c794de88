#!/usr/bin/env node
// Deterministic generator of a region's attendance exports for `npm run bench`: about 50 groups,
// events of about 50 people, heavy-tailed attendance (a person's pull follows a Pareto law), a core
// of regulars per group who come to most of its events, and a few people who go everywhere.
// One Eventbrite-style CSV per group (event name and date per row), clean UTF-8, one e-mail per
// person, so that `--match exact` and a SQL GROUP BY on the e-mail count the same people.
// Usage: node bench/generate.mjs --rows 100000 --out DIR [--seed 1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../dist/index.js';
import { FIRST, LAST } from './names.mjs';

/** Rows, groups and people for a target number of attendance rows. */
export function plan(rows) {
  const groups = 50;
  const eventSize = 50;
  const events = Math.max(groups, Math.round(rows / eventSize));
  const people = Math.max(200, Math.round(rows / 4));
  return { groups, events, eventSize, people };
}

/** Generates the exports; returns [{ name, text }] and the number of rows written. */
export function generate(rows, seed = 1) {
  const random = seededRandom(seed);
  const { groups, events, eventSize, people } = plan(rows);
  // A person's pull: Pareto with shape 1.2 (most come once or twice, a few come everywhere).
  const pull = Float64Array.from({ length: people }, () => (1 - random()) ** (-1 / 1.2));
  const cumulative = new Float64Array(people);
  let total = 0;
  for (let p = 0; p < people; p++) {
    total += pull[p];
    cumulative[p] = total;
  }
  const drawPerson = () => {
    const u = random() * total;
    let lo = 0;
    let hi = people - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Group sizes (events per group) are Zipf-like; each group has a core of 5–15 regulars.
  const weight = Array.from({ length: groups }, (_, g) => 1 / (g + 1) ** 0.8);
  const weightSum = weight.reduce((a, b) => a + b, 0);
  const eventsOf = weight.map((w) => Math.max(1, Math.round((w / weightSum) * events)));
  const core = Array.from({ length: groups }, () =>
    Array.from({ length: 5 + Math.floor(random() * 11) }, drawPerson),
  );
  const name = (p) => {
    const first = FIRST[p % FIRST.length];
    const last = LAST[Math.floor(p / FIRST.length) % LAST.length];
    return [first, `${last}${p >= FIRST.length * LAST.length ? ` ${p}` : ''}`];
  };
  const files = [];
  let written = 0;
  for (let g = 0; g < groups; g++) {
    const lines = ['Event Name,Event Date,First Name,Last Name,Email,Attendee Status'];
    for (let e = 0; e < eventsOf[g]; e++) {
      const date = new Date(Date.UTC(2023, 0, 1) + (e * 7 + g) * 86400000)
        .toISOString()
        .slice(0, 10);
      const size = Math.max(5, Math.round(eventSize * (0.5 + random())));
      const seen = new Set();
      for (const p of core[g]) if (random() < 0.7) seen.add(p);
      while (seen.size < size) seen.add(drawPerson());
      for (const p of seen) {
        const [first, last] = name(p);
        lines.push(`Treffen ${e + 1},${date},${first},${last},person${p}@region.example,Attending`);
        written++;
      }
    }
    files.push({
      name: `gruppe-${String(g + 1).padStart(2, '0')}.csv`,
      text: `${lines.join('\n')}\n`,
    });
  }
  return { files, rows: written };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = {};
  for (const [i, arg] of process.argv.slice(2).entries())
    if (arg.startsWith('--')) args[arg.slice(2)] = process.argv[i + 3];
  const rows = Number(args.rows ?? 100000);
  const out = args.out ?? `bench/data/${rows}`;
  const { files, rows: written } = generate(rows, Number(args.seed ?? 1));
  mkdirSync(out, { recursive: true });
  for (const f of files) writeFileSync(join(out, f.name), f.text);
  console.log(`${written} attendance rows in ${files.length} files in ${out}`);
}
