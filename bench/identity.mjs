#!/usr/bin/env node
// npm run bench:identity — identity-resolution quality and speed on generated, messy,
// multi-platform exports with ground truth. Prints pairwise and B-cubed precision and recall,
// overall and per scenario, and the time to resolve 200,000 records.
// Usage: node bench/identity.mjs [--people 3000] [--seed 7] [--scale 200000] [--errors N] [--missed N]
//        [--write DIR] (the default set's files, to look at with netz people --explain NAME)
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emailKey, readAndResolve, readSource, seededRandom } from '../dist/index.js';
import { FIRST, LAST } from './names.mjs';

const args = {};
for (const [i, arg] of process.argv.slice(2).entries()) {
  if (arg.startsWith('--')) args[arg.slice(2)] = process.argv[i + 3];
}
const PEOPLE = Number(args.people ?? 3000);
const SEED = Number(args.seed ?? 7);
const SCALE = Number(args.scale ?? 200000);

const STEMS = [
  'Lütt',
  'Wül',
  'Ebb',
  'Hüs',
  'Kamm',
  'Schü',
  'Vier',
  'Dör',
  'Plü',
  'Rütt',
  'Strä',
  'Pütt',
  'Böh',
  'Jä',
  'Zöll',
  'Till',
  'Ueber',
  'Quab',
  'Osen',
  'Mäh',
  'Neu',
  'Grah',
  'Clas',
  'Ach',
  'Berg',
  'Hack',
  'Fried',
  'Holt',
  'Rons',
  'Sieb',
  'Wipp',
  'Kott',
  'Lenn',
  'Morsb',
  'Dahl',
];
const ENDINGS = [
  'ing',
  'mann',
  'haus',
  'ke',
  'ler',
  'ner',
  'kötter',
  'feld',
  'hoff',
  'rath',
  'busch',
  'berg',
  'bach',
  'kamp',
  'scheid',
  'hausen',
  'dorf',
  'holz',
];
const MORE_FIRST = [
  'Hans',
  'Inge',
  'Jens',
  'Katja',
  'Lutz',
  'Nina',
  'Olaf',
  'Paula',
  'Rainer',
  'Svenja',
  'Tobias',
  'Ute',
  'Volker',
  'Wiebke',
  'Yusuf',
  'Zeynep',
  'Arne',
  'Bettina',
  'Carsten',
  'Dana',
  'Elke',
  'Florian',
  'Gabriele',
  'Hendrik',
  'Ines',
  'Jochen',
  'Kerstin',
  'Lena',
  'Marco',
  'Nadine',
];
const EXTRA_FIRST = [
  'Alexander',
  'Katharina',
  'Sebastian',
  'Matthias',
  'Daniel',
  'Franziska',
  'Susanne',
  'Christian',
  'Gabriele',
  'Markus',
  'Simone',
  'Martin',
  'Julia',
  'Peter',
  'Anja',
  'Christoph',
  'Melanie',
  'Oliver',
  'Miriam',
  'Sven',
  'Annette',
  'Timo',
  'Verena',
  'Dennis',
  'Judith',
  'Philipp',
  'Carola',
  'Henning',
  'Dagmar',
  'Torsten',
];
const PARTICLE_LAST = ['vom Stein', 'von der Heydt', 'van Laak', 'zur Nieden'];
const DOMAINS = [
  'web.example',
  'gmx.example',
  't-online.example',
  'posteo.example',
  'gmail.com',
  'outlook.de',
];
const TITLES = ['Dr.', 'Prof. Dr.', 'Dipl.-Ing.'];

const fold = (s) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
const translit = (s) =>
  s
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue');

// Name frequencies follow real German ones in shape (not in detail): first names are drawn with
// Zipf weights (s = 0.7) from 100 names, so the commonest has about 5 % of people; a surname is
// one of 50 common ones (Zipf, s = 1) for about 10 % of people, a name with a particle for 3 %,
// and otherwise one of ~6,000 composed regional names (stem + joint + ending), the long tail that
// makes most German surnames rare. Names shared by chance come on top of the tagged namesakes.
const FIRST_POOL = [...FIRST, ...MORE_FIRST, ...EXTRA_FIRST];
const zipf = (list, s) => {
  const weights = list.map((_, k) => 1 / (k + 1) ** s);
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cumulative = weights.map((w) => (acc += w / sum));
  return (random) => {
    const u = random();
    const k = cumulative.findIndex((c) => c >= u);
    return list[k === -1 ? list.length - 1 : k];
  };
};
const JOINTS = ['', '', 'en', 'er', 'es', 'ge', 'el', 'in', 'sch', 'ker'];
const SHORT = {
  Thomas: 'Tom',
  Michael: 'Micha',
  Andreas: 'Andi',
  Stefan: 'Steff',
  Tobias: 'Tobi',
  Florian: 'Flo',
  Gabriele: 'Gabi',
  Christian: 'Chris',
  Katharina: 'Kathi',
  Wolfgang: 'Wolf',
  Alexander: 'Alex',
  Sebastian: 'Basti',
  Matthias: 'Matze',
  Daniel: 'Dani',
  Franziska: 'Franzi',
  Susanne: 'Susi',
};
/** One typing error: two neighbouring letters swapped, a letter dropped or doubled. */
const typo = (word, random) => {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
};

/** People with ground truth and scenario tags. */
function makePeople(n, random) {
  const people = [];
  const pick = (list) => list[Math.floor(random() * list.length)];
  const pickFirst = zipf(FIRST_POOL, 0.7);
  const pickCommonLast = zipf(LAST, 1);
  const used = new Map();
  for (let i = 0; i < n; i++) {
    let first = pickFirst(random);
    const r = random();
    let last =
      r < 0.03
        ? pick(PARTICLE_LAST)
        : r < 0.13
          ? pickCommonLast(random)
          : `${pick(STEMS)}${pick(JOINTS)}${pick(ENDINGS)}`;
    const tags = new Set();
    // About 6 % of people share their full name with someone else (namesakes).
    if (people.length > 10 && random() < 0.06) {
      const other = people[Math.floor(random() * people.length)];
      first = other.first;
      last = other.last;
      tags.add('namesakes');
      other.tags.add('namesakes');
    }
    const key = `${first} ${last}`;
    const seq = (used.get(key) ?? 0) + 1;
    used.set(key, seq);
    const local = `${fold(first)}.${fold(last).replace(/ /g, '')}${seq > 1 ? seq : ''}${i}`;
    const domain = DOMAINS[i % DOMAINS.length];
    const person = {
      id: i,
      first,
      last,
      email: `${local}@${domain}`,
      second:
        random() < 0.12
          ? `${fold(first)[0]}${fold(last).replace(/ /g, '')}${i}@firma${i % 97}.example`
          : undefined,
      phone: random() < 0.5 ? `+49 2191 ${String(100000 + i).padStart(6, '0')}` : undefined,
      company: random() < 0.6 ? `Firma ${i % 97} GmbH` : undefined,
      title: random() < 0.08 ? pick(TITLES) : undefined,
      tags,
    };
    if (person.second) person.tags.add('second e-mails');
    people.push(person);
  }
  return people;
}

/** Double first names, as German lists write them with a hyphen (and people often without). */
const DOUBLE_FIRST = [
  'Karl-Heinz',
  'Hans-Peter',
  'Anna-Lena',
  'Marie-Luise',
  'Hans-Jürgen',
  'Eva-Maria',
  'Klaus-Dieter',
  'Ann-Kathrin',
];

/**
 * About 5 % of people (not namesakes, not with a first name that has a short form) get a double
 * first name. Drawn from `messy`, a stream of its own, so that every other draw is as before.
 */
function giveDoubleFirstNames(people, messy) {
  for (const p of people) {
    if (p.tags.has('namesakes') || SHORT[p.first] || messy() >= 0.05) continue;
    p.first = DOUBLE_FIRST[Math.floor(messy() * DOUBLE_FIRST.length)];
    p.tags.add('double first names');
  }
}

/**
 * About 4 % of people (not namesakes, not with a particle or a hyphen in their surname) get a
 * double surname, their own joined by a hyphen to one of the 20 commonest (Achelke-Müller), as
 * after a marriage; their e-mail addresses stay as they were. Drawn from `married`, a stream of
 * its own, so that every other draw is as before.
 */
function giveDoubleSurnames(people, married) {
  for (const p of people) {
    if (p.tags.has('namesakes') || /[ -]/.test(p.last) || married() >= 0.04) continue;
    p.last = `${p.last}-${LAST[Math.floor(married() * 20)]}`;
    p.tags.add('double surnames');
  }
}

/** One export per platform and group; returns CSV sources and the truth per (file, line). */
function makeExports(people, random, messy, married, groups = 12) {
  const files = [];
  const truth = new Map();
  const platforms = ['meetup', 'eventbrite', 'luma', 'zoom', 'forms', 'excel'];
  const emailVariant = (p) => {
    const [local, domain] = p.email.split('@');
    if (domain === 'gmail.com' && random() < 0.5)
      return `${local.replace(/\./, '.')}+netz@googlemail.com`;
    if (random() < 0.3) return p.email.toUpperCase();
    return p.email;
  };
  // As typed on the day: a short first name on informal platforms, a typing error in the surname
  // on forms people fill in themselves.
  // Informal platforms: a double first name without its hyphen half the time ("Karl Heinz").
  const firstOf = (p, platform) => {
    if (['meetup', 'luma', 'zoom'].includes(platform) && SHORT[p.first] && random() < 0.3) {
      p.tags.add('nicknames');
      return SHORT[p.first];
    }
    if (['meetup', 'luma', 'zoom'].includes(platform) && p.first.includes('-') && messy() < 0.5)
      return p.first.replace('-', ' ');
    return p.first;
  };
  // Zoom: "Nachname, Vorname", and one in seven typed surname first without the comma.
  const zoomName = (last, first, p) => {
    if (messy() >= 1 / 7) return `${last}, ${first}`;
    p.tags.add('surname first');
    return `${last} ${first}`;
  };
  // Informal platforms: a double surname without its hyphen half the time ("Achelke Müller").
  const spelled = (last, p, platform) =>
    p.tags.has('double surnames') &&
    ['meetup', 'luma', 'zoom'].includes(platform) &&
    married() < 0.5
      ? last.replace('-', ' ')
      : last;
  const lastOf = (p, platform) => {
    if (['eventbrite', 'luma', 'forms', 'zoom'].includes(platform) && random() < 0.04) {
      p.tags.add('typos');
      return spelled(typo(p.last, random), p, platform);
    }
    return spelled(p.last, p, platform);
  };
  for (let g = 0; g < groups; g++) {
    const platform = platforms[g % platforms.length];
    const rows = [];
    const lines = [];
    // Heavy tail: regulars in many groups, most people in one or two.
    for (const p of people) {
      const reach = p.id % 10 === 0 ? 0.7 : 0.12;
      if (random() >= reach) continue;
      lines.push(p);
    }
    let header;
    let delimiter = ',';
    const cell = (s) => (/[",;\t\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    if (platform === 'meetup') {
      header = ['Name', 'User ID', 'RSVP'];
      delimiter = '\t';
      for (const p of lines) {
        p.tags.add('e-mail-less platforms');
        const first = firstOf(p, platform);
        const name =
          random() < 0.5 ? `${first} ${p.last[0]}.` : `${first} ${spelled(p.last, p, platform)}`;
        rows.push([name, `user ${900000 + p.id}`, 'Yes']);
      }
    } else if (platform === 'eventbrite') {
      header = ['Order #', 'First Name', 'Last Name', 'Email', 'Attendee Status'];
      for (const p of lines) {
        const translated = random() < 0.2;
        if (translated) p.tags.add('transliterations');
        const email = p.second && random() < 0.5 ? p.second : emailVariant(p);
        rows.push([
          String(1000 + p.id),
          translated ? translit(p.first) : p.first,
          translated ? translit(p.last) : lastOf(p, platform),
          email,
          'Attending',
        ]);
      }
    } else if (platform === 'luma') {
      header = ['api_id', 'name', 'email', 'phone_number', 'approval_status'];
      for (const p of lines)
        rows.push([
          `gst-${p.id}`,
          `${firstOf(p, platform)} ${lastOf(p, platform)}`,
          emailVariant(p),
          p.phone ?? '',
          'approved',
        ]);
    } else if (platform === 'zoom') {
      header = ['Name (Original Name)', 'User Email', 'Join Time'];
      for (const p of lines) {
        const guest = random() < 0.4;
        if (guest) p.tags.add('e-mail-less platforms');
        rows.push([
          zoomName(lastOf(p, platform), firstOf(p, platform), p),
          guest ? '' : emailVariant(p),
          '02/06/2025 06:00:00 PM',
        ]);
      }
    } else if (platform === 'forms') {
      header = ['Zeitstempel', 'E-Mail-Adresse', 'Vorname', 'Nachname', 'Titel', 'Firma'];
      for (const p of lines) {
        const email = p.second && random() < 0.5 ? p.second : emailVariant(p);
        rows.push([
          '01.02.2025 10:00:00',
          email,
          p.first,
          lastOf(p, platform),
          p.title ?? '',
          p.company ?? '',
        ]);
      }
    } else {
      header = ['Anrede', 'Titel', 'Vorname', 'Nachname', 'E-Mail', 'Telefon', 'Firma'];
      delimiter = ';';
      for (const p of lines) {
        const noEmail = random() < 0.3;
        if (noEmail) p.tags.add('e-mail-less platforms');
        rows.push([
          '',
          p.title ?? '',
          p.first,
          p.last,
          noEmail ? '' : emailVariant(p),
          p.phone ?? '',
          p.company ?? '',
        ]);
      }
    }
    const name = `group-${String(g).padStart(2, '0')}-${platform}.csv`;
    const text = [header, ...rows].map((r) => r.map(cell).join(delimiter)).join('\n');
    lines.forEach((p, i) => {
      truth.set(`${name}:${i + 2}`, p.id);
    });
    files.push({ name, text });
  }
  return { files, truth };
}

function metrics(clusterOf, truthOf, records) {
  // B-cubed over records, and pairwise counts from the contingency table.
  const byCluster = new Map();
  const byTruth = new Map();
  const byBoth = new Map();
  for (const r of records) {
    const c = clusterOf(r);
    const t = truthOf(r);
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
    byBoth.set(`${c}|${t}`, (byBoth.get(`${c}|${t}`) ?? 0) + 1);
  }
  let p = 0;
  let q = 0;
  for (const r of records) {
    const both = byBoth.get(`${clusterOf(r)}|${truthOf(r)}`);
    p += both / byCluster.get(clusterOf(r));
    q += both / byTruth.get(truthOf(r));
  }
  const pairs = (m) => [...m.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  const tp = pairs(byBoth);
  return {
    bcubedPrecision: p / records.length,
    bcubedRecall: q / records.length,
    pairPrecision: tp / Math.max(1, pairs(byCluster)),
    pairRecall: tp / Math.max(1, pairs(byTruth)),
  };
}

/**
 * What no resolver can reach without guessing, from the truth: a person's records that share an
 * e-mail, phone or platform id form components, and a component can be joined to the person's
 * others only if one of its records names them apart from everyone else present — a full name no
 * other person present carries (or carries with the same company), or a first name and surname
 * initial ("Jürgen K.") no other person present shares. An oracle that joins every such component correctly and leaves the rest
 * apart has B-cubed precision 1 and the recall returned here (typos, nicknames and second e-mails
 * count as joinable: the bound is generous).
 */
function attributionCeiling(records, recordOf, truthOf, people) {
  const present = new Set(records.map(truthOf));
  const full = new Map();
  const initial = new Map();
  const withCompany = new Map();
  const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const id of present) {
    const p = people[id];
    add(full, fold(`${p.first} ${p.last}`));
    add(initial, fold(`${p.first} ${p.last[0]}`));
    if (p.company !== undefined) add(withCompany, fold(`${p.first} ${p.last}|${p.company}`));
  }
  const byPerson = new Map();
  for (const r of records) byPerson.set(truthOf(r), [...(byPerson.get(truthOf(r)) ?? []), r]);
  const label = new Map();
  let apart = 0;
  for (const [id, own] of byPerson) {
    const p = people[id];
    const parent = own.map((_, k) => k);
    const find = (k) => {
      let root = k;
      while (parent[root] !== root) root = parent[root];
      return root;
    };
    const first = new Map();
    own.forEach((r, k) => {
      const rec = recordOf(r);
      const keys = [
        ...rec.emails.map((e) => `e:${emailKey(e)}`),
        ...(rec.phone === undefined ? [] : [`p:${rec.phone.replace(/\D/g, '')}`]),
        ...(rec.platformId === undefined ? [] : [`i:${rec.platformId}`]),
      ];
      for (const key of keys) {
        if (first.has(key)) parent[find(k)] = find(first.get(key));
        else first.set(key, k);
      }
    });
    const components = new Map();
    own.forEach((r, k) => {
      components.set(find(k), [...(components.get(find(k)) ?? []), r]);
    });
    const uniqueName = full.get(fold(`${p.first} ${p.last}`)) === 1;
    const uniqueInitial = initial.get(fold(`${p.first} ${p.last[0]}`)) === 1;
    // A shared name with a company no one else of that name works for tells them apart.
    const toldByCompany = (rec) =>
      rec.company !== undefined && withCompany.get(fold(`${p.first} ${p.last}|${p.company}`)) === 1;
    for (const [root, members] of components) {
      const told =
        components.size === 1 ||
        members.some((r) =>
          / \S\.$/.test(recordOf(r).name ?? '')
            ? uniqueInitial
            : uniqueName || toldByCompany(recordOf(r)),
        );
      if (!told) apart += members.length;
      for (const r of members) label.set(r, told ? `${id}` : `${id}:${root}`);
    }
  }
  return {
    /** Per record: the person, or person:component for a component that cannot be told. */
    label,
    recordsApart: apart / records.length,
    ...metrics((r) => label.get(r), truthOf, records),
  };
}

async function run(peopleCount, seed) {
  const random = seededRandom(seed);
  const people = makePeople(peopleCount, random);
  const messy = seededRandom(seed * 7919 + 13);
  giveDoubleFirstNames(people, messy);
  const married = seededRandom(seed * 7919 + 29);
  giveDoubleSurnames(people, married);
  const { files, truth } = makeExports(people, random, messy, married);
  if (args.write !== undefined && peopleCount === PEOPLE) {
    // The default set's files, to look at with netz itself (netz people --explain NAME).
    await mkdir(args.write, { recursive: true });
    for (const f of files) await writeFile(join(args.write, f.name), f.text);
  }
  const sources = files.map((f) => {
    const bytes = new TextEncoder().encode(f.text);
    return { name: f.name, open: async () => bytes };
  });
  // Reading alone first (the same files, in readAndResolve's order), then reading and resolving:
  // resolution time is the difference.
  const readStarted = performance.now();
  for (const [index, source] of [...sources].sort((a, b) => (a.name < b.name ? -1 : 1)).entries())
    await readSource({ name: source.name, bytes: await source.open() }, index, {});
  const readSeconds = (performance.now() - readStarted) / 1000;
  const started = performance.now();
  const analysis = await readAndResolve(sources);
  const seconds = (performance.now() - started) / 1000;
  const paths = analysis.inputs.map((i) => i.path);
  const personOf = new Map();
  analysis.people.forEach((p, k) => {
    for (const r of p.records) personOf.set(r, k);
  });
  const records = analysis.records
    .map((r, i) => ({ i, key: `${paths[r.source]}:${r.line}` }))
    .filter((r) => truth.has(r.key));
  // A row folded into another of the same person at the same event belongs to that person.
  const keptAt = new Map();
  analysis.people.forEach((p, k) => {
    for (const x of p.records) {
      const rec = analysis.records[x];
      keptAt.set(`${rec.event}|${truth.get(`${paths[rec.source]}:${rec.line}`)}`, k);
    }
  });
  const recordPerson = (r) =>
    personOf.get(r.i) ??
    keptAt.get(`${analysis.records[r.i].event}|${truth.get(r.key)}`) ??
    `m${r.i}`;
  const overall = metrics(recordPerson, (r) => truth.get(r.key), records);
  const ceiling = attributionCeiling(
    records,
    (r) => analysis.records[r.i],
    (r) => truth.get(r.key),
    people,
  );
  const show = (i) => {
    const r = analysis.records[i];
    return `${paths[r.source]} ${r.name ?? ''} <${r.emails.join(',')}> ${r.phone ?? ''}`;
  };
  if (args.missed !== undefined) {
    // The people the oracle joins and netz split: what is left to reach without guessing.
    const parts = new Map();
    for (const r of records) {
      const label = ceiling.label.get(r);
      if (label.includes(':')) continue;
      const byPerson = parts.get(label) ?? new Map();
      const person = recordPerson(r);
      byPerson.set(person, [...(byPerson.get(person) ?? []), r.i]);
      parts.set(label, byPerson);
    }
    let shown = 0;
    let missed = 0;
    for (const [label, byPerson] of parts) {
      if (byPerson.size < 2) continue;
      missed++;
      if (shown++ < (Number(args.missed) || 6))
        console.log(
          'MISSED',
          label,
          [...byPerson.values()].map((is) => is.map(show).join(' + ')).join('  ||  '),
        );
    }
    console.log(`${missed} people the oracle joins are split`);
  }
  if (args.errors !== undefined) {
    const limit = Number(args.errors) || 6;
    let shown = 0;
    for (const p of analysis.people) {
      const ids = new Set(
        p.records.map((i) =>
          truth.get(`${paths[analysis.records[i].source]}:${analysis.records[i].line}`),
        ),
      );
      if (ids.size > 1 && shown++ < limit)
        console.log(
          'FALSE MERGE',
          p.records
            .map(
              (i) =>
                `${truth.get(`${paths[analysis.records[i].source]}:${analysis.records[i].line}`)} ${show(i)}`,
            )
            .join(' | '),
        );
    }
    const byTruth = new Map();
    analysis.people.forEach((p, k) => {
      for (const i of p.records) {
        const t = truth.get(`${paths[analysis.records[i].source]}:${analysis.records[i].line}`);
        const m = byTruth.get(t) ?? new Map();
        m.set(k, [...(m.get(k) ?? []), i]);
        byTruth.set(t, m);
      }
    });
    shown = 0;
    for (const [t, m] of byTruth) {
      if (m.size > 1 && shown++ < limit)
        console.log(
          'SPLIT',
          t,
          [...m.values()].map((is) => is.map(show).join(' + ')).join('  ||  '),
        );
    }
  }
  if (args.classes !== undefined) {
    // Merges by evidence signature, right and wrong, to see which rule costs precision.
    const truthOf = (i) =>
      truth.get(`${paths[analysis.records[i].source]}:${analysis.records[i].line}`);
    const tally = new Map();
    for (const m of analysis.merges) {
      const sig = m.evidence.map((e) => `${e.field}:${e.level}`).join(' ');
      const t = tally.get(sig) ?? [0, 0];
      t[truthOf(m.a) === truthOf(m.b) ? 0 : 1]++;
      tally.set(sig, t);
    }
    for (const [sig, [right, wrong]] of [...tally].sort((x, y) => y[1][1] - x[1][1]))
      console.log(`${String(right).padStart(6)} right ${String(wrong).padStart(5)} wrong  ${sig}`);
  }
  const scenarios = {};
  for (const tag of [
    'e-mail-less platforms',
    'namesakes',
    'second e-mails',
    'transliterations',
    'typos',
    'nicknames',
    'double first names',
    'surname first',
    'double surnames',
  ]) {
    const ids = new Set(people.filter((p) => p.tags.has(tag)).map((p) => p.id));
    const subset = records.filter((r) => ids.has(truth.get(r.key)));
    scenarios[tag] = {
      people: ids.size,
      ...metrics(recordPerson, (r) => truth.get(r.key), subset),
      // What the oracle below reaches on these people's records.
      oracleRecall: metrics(
        (r) => ceiling.label.get(r),
        (r) => truth.get(r.key),
        subset,
      ).bcubedRecall,
    };
  }
  const withoutSharedEmail =
    people.filter((p) => p.tags.has('e-mail-less platforms') || p.tags.has('second e-mails'))
      .length / people.length;
  const namesakes = people.filter((p) => p.tags.has('namesakes')).length / people.length;
  return {
    records: records.length,
    people: people.length,
    seconds,
    readSeconds,
    overall,
    ceiling,
    scenarios,
    withoutSharedEmail,
    namesakes,
  };
}

const f = (x) => x.toFixed(4);
const quality = await run(PEOPLE, SEED);
console.log(
  `netz identity benchmark (seed ${SEED}): ${quality.people} people, ${quality.records} records`,
);
console.log(
  `people linkable only without a shared e-mail: ${(quality.withoutSharedEmail * 100).toFixed(1)} %; sharing a name: ${(quality.namesakes * 100).toFixed(1)} %`,
);
console.log(
  'scenario                 people  B3 precision  B3 recall  pair precision  pair recall  oracle B3 recall',
);
const row = (name, m, n, oracle) =>
  console.log(
    `${name.padEnd(24)} ${String(n).padStart(6)}  ${f(m.bcubedPrecision).padStart(12)}  ${f(m.bcubedRecall).padStart(9)}  ${f(m.pairPrecision).padStart(14)}  ${f(m.pairRecall).padStart(11)}  ${f(oracle).padStart(16)}`,
  );
row('overall', quality.overall, quality.people, quality.ceiling.bcubedRecall);
for (const [name, m] of Object.entries(quality.scenarios)) row(name, m, m.people, m.oracleRecall);
console.log(
  `attainable without guessing: ${(quality.ceiling.recordsApart * 100).toFixed(1)} % of records cannot be told from another person present (an initial or a keyless name two people share); an oracle joining all others reaches B3 recall ${f(quality.ceiling.bcubedRecall)} (pair recall ${f(quality.ceiling.pairRecall)}) at precision 1`,
);
console.log(
  `time: read ${quality.readSeconds.toFixed(2)} s, read and resolved ${quality.seconds.toFixed(2)} s`,
);
if (SCALE > 0) {
  // Enough people for at least SCALE records (the share of people per record varies a little).
  const perPerson = quality.records / quality.people;
  const scale = await run(Math.ceil((SCALE / perPerson) * 1.05), SEED + 1);
  const resolveSeconds = scale.seconds - scale.readSeconds;
  console.log(
    `scale: ${scale.records} records from ${scale.people} people: read ${scale.readSeconds.toFixed(2)} s, resolved in ${resolveSeconds.toFixed(2)} s (${scale.seconds.toFixed(2)} s together); B3 precision ${f(scale.overall.bcubedPrecision)}, recall ${f(scale.overall.bcubedRecall)}`,
  );
}
