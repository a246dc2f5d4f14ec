/**
 * Generates a valid career ladder of any size for the benchmark: F families
 * × 2 tracks (individual contributor and management, both spanning every one
 * of G grades) × C competencies, with realistic text, deterministic from a
 * seed.
 *
 * Every parity rule holds by construction: the two tracks of a family share
 * one pay band, one scope, one budget and one set of decisions at each
 * grade; bands, budgets and decision lists rise with the grade, and scopes
 * (the default list) never narrow. Level bodies look like content/levels/*:
 * an introduction, then one `## <Competency>` section per competency of the
 * track with 3–5 bullets of 15–30 words each.
 *
 *   node bench/generate.ts --families 42 --grades 12 [--competencies 5] [--seed 1] [--bands] [--zones] --out DIR
 *
 * `--bands` and `--zones` (format 1.1) write pay as family bands with bonus
 * and equity, and three pay zones (one by factor, one set by hand in EUR);
 * without them, the ladder is the version-1 one the benchmark has always
 * measured, byte for byte.
 *
 * `generateWideLadder()` (`--wide 8x12`) writes wide families instead: one
 * management track beside up to 11 IC disciplines, long titles, and a
 * competency named "Scope" (the site's layouts are tested on it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface GenerateOptions {
  /** Job families; each has an IC and a management track. */
  families: number;
  /** Grades per track (both tracks span 1..grades). */
  grades: number;
  /** Competencies per track. */
  competencies?: number;
  /** PRNG seed: the same seed gives byte-identical files. */
  seed?: number;
  /**
   * (1.1) Pay as family bands: each family file sets one band per grade
   * (bonus from the second third of the grades, equity in the top third) and
   * levels carry no `pay:`. Default false: each level writes its own band,
   * as in version 1 (the benchmark's default, compared across runs).
   */
  bands?: boolean;
  /**
   * (1.1) Three pay zones in ladder.md: the anchor, one derived by a factor
   * (0.9) and one in EUR set by hand, which every band gives explicitly.
   * Default false: one zone.
   */
  zones?: boolean;
}

/** (1.1) The zones of a generated ladder with zones: the anchor, a factor, and one set by hand in another currency. */
export const GENERATED_ZONES = [
  { id: 'us-tier-1', name: 'San Francisco, New York' },
  { id: 'us-tier-2', name: 'Rest of the United States', factor: 0.9 },
  { id: 'europe', name: 'Europe', currency: 'EUR' },
] as const;

/** Pay options of generateLadder, for the writers of bands. */
type PayShape = Pick<GenerateOptions, 'bands' | 'zones'>;

/** A small, fast, seedable PRNG (mulberry32): uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const SCOPES = ['team', 'group', 'org', 'division', 'company'] as const;

// Word banks. Family names are "<area> <discipline>", numbered past the combinations.
const AREAS = [
  'Data',
  'Platform',
  'Supply Chain',
  'Clinical',
  'Retail',
  'Payments',
  'Security',
  'Logistics',
  'Growth',
  'Quality',
  'Research',
  'Mobile',
  'Hardware',
  'Regulatory',
  'Customer',
  'Finance',
  'Brand',
  'Packaging',
  'Manufacturing',
  'Analytics',
];
const DISCIPLINES = ['Engineering', 'Science', 'Design', 'Operations', 'Product', 'Marketing', 'Analysis', 'Sales', 'Support', 'Research'];
const ROLE = {
  Engineering: 'Engineer',
  Science: 'Scientist',
  Design: 'Designer',
  Operations: 'Operations Specialist',
  Product: 'Product Manager',
  Marketing: 'Marketer',
  Analysis: 'Analyst',
  Sales: 'Account Executive',
  Support: 'Support Specialist',
  Research: 'Researcher',
} as Record<string, string>;
const IC_TITLES = [
  'Associate',
  'Junior',
  '',
  'Senior',
  'Lead',
  'Staff',
  'Senior Staff',
  'Principal',
  'Senior Principal',
  'Distinguished',
  'Fellow',
  'Senior Fellow',
];
const MANAGER_TITLES = [
  'Team Lead',
  'Supervisor',
  'Manager',
  'Senior Manager',
  'Group Manager',
  'Associate Director',
  'Director',
  'Senior Director',
  'Executive Director',
  'Vice President',
  'Senior Vice President',
  'Executive Vice President',
];
const COMPETENCIES = [
  'Technical craft',
  'Delivery',
  'Impact',
  'Collaboration',
  'Mentorship',
  'Strategy',
  'Communication',
  'Customer focus',
  'Operational excellence',
  'Business acumen',
  'Quality and safety',
  'Innovation',
];
const LEADERSHIP = 'People leadership';
const DECISIONS = [
  'code-review',
  'on-call-response',
  'design-approval',
  'hiring-panel',
  'hiring',
  'technical-direction',
  'architecture',
  'incident-command',
  'vendor-selection',
  'promotion-decisions',
  'headcount-planning',
  'build-vs-buy',
  'product-launch',
  'budget-planning',
  'technical-strategy',
  'executive-hiring',
  'reorganisation',
  'compensation-review',
  'partnerships',
  'mergers',
];

const VERBS = [
  'Leads',
  'Owns',
  'Designs',
  'Reviews',
  'Shapes',
  'Delivers',
  'Coordinates',
  'Improves',
  'Sets',
  'Builds',
  'Runs',
  'Mentors',
  'Sponsors',
  'Explains',
  'Measures',
  'Plans',
  'Negotiates',
  'Establishes',
  'Challenges',
  'Documents',
];
const OBJECTS = [
  'the technical direction of shared systems',
  'the quarterly roadmap of the group',
  'the standards that other teams build on',
  'the most consequential design decisions',
  'a sequenced plan with clear owners and milestones',
  'the hiring process for the team',
  'incident reviews that lead to lasting fixes',
  'the budget for tools, vendors and training',
  'the interfaces between several teams',
  'the quality of the work that ships to customers',
  'a programme that reduces operating cost',
  'the onboarding of new colleagues',
  'decision records that explain what was chosen and why',
  'the risks that could delay a launch',
  'experiments that test new approaches',
];
const FILLERS = [
  'across several teams',
  'with product and finance partners',
  'for the whole organisation',
  'over one or two quarters',
  'so that customers notice the difference',
  'without waiting to be asked',
  'in a way that others can follow',
  'and makes the trade-offs visible',
  'with measurable outcomes',
  'and raises the bar of the group',
  'even when priorities shift',
  'by writing clear proposals',
  'through careful review and coaching',
  'and shares what was learned',
  'while keeping costs under control',
  'such as a platform migration or a new service',
  'with the support of senior leaders',
  'before problems reach production',
];
const ENDINGS = ['consistently', 'reliably', 'carefully', 'openly', 'early'];
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'to',
  'for',
  'with',
  'in',
  'on',
  'by',
  'or',
  'as',
  'so',
  'that',
  'such',
  'without',
  'while',
  'even',
  'when',
  'over',
  'through',
  'before',
  'across',
]);

/** One bullet: a sentence of 15–30 words built from the banks. */
function sentence(random: Random): string {
  const target = int(random, 15, 30);
  const words = [...`${pick(random, VERBS)} ${pick(random, OBJECTS)}`.split(' ')];
  const fillers = [...FILLERS];
  while (words.length < target && fillers.length > 0) words.push(...fillers.splice(Math.floor(random() * fillers.length), 1)[0]!.split(' '));
  words.length = target;
  // End on a word that can end a sentence, staying within 15–30 words.
  while (STOP.has(words[words.length - 1]!.toLowerCase())) {
    if (words.length > 15) words.pop();
    else words.push(pick(random, ENDINGS));
  }
  return `${words.join(' ').replace(/,$/, '')}.`;
}

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Rounds to a thousand. */
const round = (n: number) => Math.round(n / 1000) * 1000;

/** The ladder as files: path relative to the content directory → text. */
export function generateLadder(options: GenerateOptions): Record<string, string> {
  const { families, grades } = options;
  const count = options.competencies ?? 5;
  const random = mulberry32(options.seed ?? 1);
  if (!(families >= 1 && grades >= 1 && count >= 1 && count <= COMPETENCIES.length)) {
    throw new RangeError(`families and grades must be at least 1, competencies between 1 and ${COMPETENCIES.length}`);
  }
  const files: Record<string, string> = {};
  const pay: PayShape = { bands: options.bands ?? false, zones: options.zones ?? false };
  files['ladder.md'] = `---
name: Generated Career Ladder (${families} families, ${grades} grades)
currency: USD
${pay.zones ? zoneBlock() : ''}scopes: [${SCOPES.join(', ')}]
parity:
  pay: identical
---

This ladder was generated for the Parity benchmark. ${paragraph(random, 4)}
`;

  // Competencies: IC tracks use the first C, management tracks swap the last for people leadership.
  const ic = COMPETENCIES.slice(0, count);
  const management = [...COMPETENCIES.slice(0, count - 1), LEADERSHIP];
  for (const name of new Set([...ic, ...management])) {
    files[`competencies/${slugify(name)}.md`] = `---\nname: ${name}\n---\n\n${name} describes how a person works. ${paragraph(random, 3)}\n`;
  }

  for (let f = 0; f < families; f++) {
    const area = AREAS[f % AREAS.length]!;
    const discipline = DISCIPLINES[Math.floor(f / AREAS.length) % DISCIPLINES.length]!;
    const round2 = Math.floor(f / (AREAS.length * DISCIPLINES.length));
    const name = `${area} ${discipline}${round2 > 0 ? ` ${round2 + 1}` : ''}`;
    const family = slugify(name);
    const role = ROLE[discipline]!;
    const description = `${name} is one of the job families of the generated ladder. ${paragraph(random, 2)}`;

    // One set of terms per grade, shared by both tracks of the family: that is parity.
    const base = 60_000 + f * 500 + int(random, 0, 20) * 1000;
    const terms = familyTerms(base, grades);
    files[`families/${family}.md`] = `---\nname: ${name}\n${pay.bands ? bandsBlock(terms, pay) : ''}---\n\n${description}\n`;

    for (const kind of ['individual-contributor', 'management'] as const) {
      const isIc = kind === 'individual-contributor';
      const track = `${family}-${isIc ? 'ic' : 'management'}`;
      const competencies = isIc ? ic : management;
      files[`tracks/${track}.md`] = `---
name: ${name}, ${isIc ? 'individual contributor' : 'management'}
family: ${family}
kind: ${kind}
competencies: [${competencies.map(slugify).join(', ')}]
---

${isIc ? 'The individual-contributor track grows through the depth and reach of the work.' : 'The management track grows by building and leading teams.'} ${paragraph(random, 2)}
`;
      const used = new Set<string>();
      for (const t of terms) {
        const title = levelTitle(isIc, role, discipline, t.grade);
        let slug = slugify(title);
        if (used.has(slug)) slug = `${slug}-${t.grade}`;
        used.add(slug);
        files[`levels/${track}/${slug}.md`] = levelFile(random, { title, terms: t, isIc, familyName: name, competencies, pay });
      }
    }
  }
  return files;
}

/** ladder.md's `zones:` (with the default rounding). */
function zoneBlock(): string {
  return `zones:\n${GENERATED_ZONES.map((z) => `  - id: ${z.id}\n    name: ${z.name}\n${'factor' in z ? `    factor: ${z.factor}\n` : ''}${'currency' in z ? `    currency: ${z.currency}\n` : ''}`).join('')}`;
}

/** A band's fields at an indent: min and max, then (with bands) bonus and equity, then (with zones) the amounts set by hand. */
function bandFields(t: Terms, pay: PayShape, indent: string): string {
  const lines = [`min: ${t.min}`, `max: ${t.max}`];
  if (pay.bands && t.bonus !== undefined) lines.push(`bonus: ${t.bonus}`);
  if (pay.bands && t.equity) lines.push('equity:', `  min: ${t.equity.min}`, `  max: ${t.equity.max}`);
  if (pay.zones) lines.push('zones:', `  ${GENERATED_ZONES[2].id}: { min: ${t.europe.min}, max: ${t.europe.max} }`);
  return lines.map((line) => `${indent}${line}\n`).join('');
}

/** A family's `bands:`, one per grade. */
function bandsBlock(terms: readonly Terms[], pay: PayShape): string {
  return `bands:\n${terms.map((t) => `  ${t.grade}:\n${bandFields(t, pay, '    ')}`).join('')}`;
}

/** One set of terms per grade, shared by every track of a family: that is parity. */
interface Terms {
  grade: number;
  min: number;
  max: number;
  scope: string;
  budget: number;
  decisions: string[];
  /** (1.1) Written only with family bands: a bonus target from the second third of the grades, equity in the top third. */
  bonus: number | undefined;
  equity: { min: number; max: number } | undefined;
  /** (1.1) Written only with zones: the band in the zone set by hand (EUR), rising with the grade like the anchor's. */
  europe: { min: number; max: number };
}

function familyTerms(base: number, grades: number): Terms[] {
  return Array.from({ length: grades }, (_, i) => {
    const min = round(base * 1.16 ** i);
    const third = Math.floor((i * 3) / grades);
    return {
      grade: i + 1,
      min,
      max: round(min * 1.3),
      bonus: third >= 1 ? 5 + 5 * Math.floor((i * 4) / grades) : undefined,
      equity: third >= 2 ? { min: round(min * 0.1), max: round(min * 0.2) } : undefined,
      europe: { min: Math.round((min * 0.62) / 500) * 500, max: Math.round((round(min * 1.3) * 0.62) / 500) * 500 },
      scope: SCOPES[Math.min(SCOPES.length - 1, Math.floor((i * SCOPES.length) / grades))]!,
      budget: round(5_000 * 1.9 ** i),
      decisions: DECISIONS.slice(0, Math.min(DECISIONS.length, 2 + Math.floor((i * (DECISIONS.length - 2)) / Math.max(1, grades - 1)))),
    };
  });
}

/** A level file: frontmatter with the grade's shared terms, an intro, one section of 3–5 bullets per competency. */
function levelFile(
  random: Random,
  level: { title: string; terms: Terms; isIc: boolean; familyName: string; competencies: readonly string[]; pay?: PayShape },
): string {
  const { title, terms: t, isIc, familyName } = level;
  const pay = level.pay ?? { bands: false, zones: false };
  const sections = level.competencies
    .map((competency) => {
      const bullets = Array.from({ length: int(random, 3, 5) }, () => `- ${sentence(random)}`);
      return `## ${competency}\n\n${bullets.join('\n')}`;
    })
    .join('\n\n');
  return `---
title: ${title}
grade: ${t.grade}
summary: ${sentence(random)}
${pay.bands ? '' : `pay:\n${bandFields(t, pay, '  ')}`}authority:
  scope: ${t.scope}
  budget: ${t.budget}
  decisions: [${t.decisions.join(', ')}]
---

${title} is the grade ${t.grade} level of the ${isIc ? 'individual-contributor' : 'management'} track in ${familyName}. ${sentence(random)}

${sections}
`;
}

// ─── Wide families: one management track beside many IC disciplines ─────────

/**
 * The IC disciplines of a wide engineering family, in the order HR lists
 * them (not the order of their ids: "test" would come between "security"
 * and "software"). Roles are long on purpose: grade 9 of the test track is
 * "Senior Principal Software Development Engineer in Test".
 */
export const WIDE_DISCIPLINES = [
  { id: 'software', name: 'Software Engineering', role: 'Software Engineer' },
  { id: 'reliability', name: 'Site Reliability Engineering', role: 'Site Reliability Engineer' },
  { id: 'security', name: 'Security Engineering', role: 'Security Engineer' },
  { id: 'data', name: 'Data Engineering', role: 'Data Engineer' },
  { id: 'machine-learning', name: 'Machine Learning Engineering', role: 'Machine Learning Engineer' },
  { id: 'quality', name: 'Quality Engineering', role: 'Quality Assurance Engineer' },
  { id: 'test', name: 'Software Development Engineering in Test', role: 'Software Development Engineer in Test' },
  { id: 'program-management', name: 'Technical Program Management', role: 'Technical Program Manager' },
  { id: 'mobile', name: 'Mobile Engineering', role: 'Mobile Applications Engineer' },
  { id: 'infrastructure', name: 'Infrastructure Engineering', role: 'Infrastructure Engineer' },
  { id: 'developer-experience', name: 'Developer Experience Engineering', role: 'Developer Experience Engineer' },
] as const;

/** Families of wide ladders, listed by `order` (their ids sort the other way round). */
const WIDE_FAMILIES = ['Engineering', 'Applied Research', 'Platform Services', 'Corporate Technology'] as const;

/**
 * Competencies of wide families. The first is named like an authority field
 * ("Scope"), the label pages use for a level's scope: pages must still tell
 * the two apart.
 */
export const WIDE_COMPETENCIES = ['Scope', 'Technical craft', 'Delivery', 'Collaboration', 'Mentorship'] as const;

export interface WideFamilyOptions {
  /** IC tracks beside the one management track: 1 to 11. */
  tracks: number;
  /** Grades per track (every track spans 1..grades). */
  grades: number;
}

export interface WideOptions {
  /** One entry per family, listed in this order. */
  families: WideFamilyOptions[];
  /** Competencies per track, 1 to 5 (the first is "Scope"). */
  competencies?: number;
  seed?: number;
}

/** Tracks in a wide family of these dimensions, and its levels. */
export const wideLevelCount = (families: readonly WideFamilyOptions[]) => families.reduce((n, f) => n + (f.tracks + 1) * f.grades, 0);

/**
 * A ladder of wide families: in each, one management track and `tracks` IC
 * disciplines (WIDE_DISCIPLINES, in that order), every track spanning every
 * grade, so that parity holds (each IC track reaches every management grade,
 * with the same band, scope, budget and decisions). Families and tracks carry
 * the 1.1 `order` field; the management track is listed last.
 *
 *   node bench/generate.ts --wide 8x12 [--wide 11x4] --out DIR
 */
export function generateWideLadder(options: WideOptions): Record<string, string> {
  const count = options.competencies ?? 4;
  const random = mulberry32(options.seed ?? 1);
  if (options.families.length < 1 || options.families.length > WIDE_FAMILIES.length) {
    throw new RangeError(`a wide ladder has 1 to ${WIDE_FAMILIES.length} families`);
  }
  for (const f of options.families) {
    if (!(Number.isInteger(f.tracks) && f.tracks >= 1 && f.tracks <= WIDE_DISCIPLINES.length && Number.isInteger(f.grades) && f.grades >= 1)) {
      throw new RangeError(`a wide family has 1 to ${WIDE_DISCIPLINES.length} IC tracks and at least 1 grade`);
    }
  }
  if (!(Number.isInteger(count) && count >= 1 && count <= WIDE_COMPETENCIES.length))
    throw new RangeError(`competencies between 1 and ${WIDE_COMPETENCIES.length}`);
  const shape = options.families.map((f) => `${f.tracks + 1} tracks × ${f.grades} grades`).join(', ');
  const files: Record<string, string> = {};
  files['ladder.md'] = `---
name: Generated Wide Ladder (${shape})
currency: USD
scopes: [${SCOPES.join(', ')}]
---

This ladder was generated to lay the site out at the size of real frameworks. ${paragraph(random, 3)}
`;
  const ic = WIDE_COMPETENCIES.slice(0, count);
  const management = count > 1 ? [...ic.slice(0, -1), LEADERSHIP] : [LEADERSHIP];
  for (const name of new Set([...ic, ...management])) {
    files[`competencies/${slugify(name)}.md`] = `---\nname: ${name}\n---\n\n${name} describes how a person works. ${paragraph(random, 2)}\n`;
  }
  options.families.forEach((shapeOf, f) => {
    const name = WIDE_FAMILIES[f]!;
    const family = slugify(name);
    files[`families/${family}.md`] =
      `---\nname: ${name}\norder: ${f + 1}\n---\n\n${name} is a wide job family of the generated ladder. ${paragraph(random, 2)}\n`;
    const terms = familyTerms(90_000 + f * 7_000, shapeOf.grades);
    const tracks = [
      ...WIDE_DISCIPLINES.slice(0, shapeOf.tracks).map((d) => ({ id: `${family}-${d.id}`, name: d.name, role: d.role, isIc: true })),
      { id: `${family}-management`, name: `${name} Management`, role: '', isIc: false },
    ];
    tracks.forEach((track, t) => {
      const competencies = track.isIc ? ic : management;
      files[`tracks/${track.id}.md`] = `---
name: ${track.name}
family: ${family}
kind: ${track.isIc ? 'individual-contributor' : 'management'}
competencies: [${competencies.map(slugify).join(', ')}]
order: ${t + 1}
---

${track.isIc ? `The ${track.name} track grows through the depth and reach of the work.` : 'The management track grows by building and leading teams.'} ${paragraph(random, 1)}
`;
      const used = new Set<string>();
      for (const term of terms) {
        const title = track.isIc ? levelTitle(true, track.role, '', term.grade) : levelTitle(false, '', name, term.grade);
        let slug = slugify(title);
        if (used.has(slug)) slug = `${slug}-${term.grade}`;
        used.add(slug);
        files[`levels/${track.id}/${slug}.md`] = levelFile(random, { title, terms: term, isIc: track.isIc, familyName: name, competencies });
      }
    });
  });
  return files;
}

/** "8x12" → { tracks: 8, grades: 12 }, or undefined when it is not of that shape. */
export function parseWide(text: string): WideFamilyOptions | undefined {
  const match = /^(\d+)x(\d+)$/.exec(text.trim());
  return match ? { tracks: Number(match[1]), grades: Number(match[2]) } : undefined;
}

function levelTitle(isIc: boolean, role: string, discipline: string, grade: number): string {
  const titles = isIc ? IC_TITLES : MANAGER_TITLES;
  const prefix = titles[grade - 1];
  if (isIc) return prefix === undefined ? `${role}, grade ${grade}` : `${prefix ? `${prefix} ` : ''}${role}`;
  return prefix === undefined ? `${discipline} Leader, grade ${grade}` : `${prefix}, ${discipline}`;
}

function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

/** Writes the files below dir, creating folders as needed. */
export function writeLadder(dir: string, files: Record<string, string>): void {
  const made = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, text);
  }
}

/** Levels in a generated ladder of these dimensions. */
export const levelCount = (families: number, grades: number) => families * grades * 2;

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const { values } = parseArgs({
    options: {
      families: { type: 'string', default: '42' },
      grades: { type: 'string', default: '12' },
      competencies: { type: 'string' },
      seed: { type: 'string', default: '1' },
      wide: { type: 'string', multiple: true },
      bands: { type: 'boolean', default: false },
      zones: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    process.stdout.write(
      'Usage: node bench/generate.ts --families 42 --grades 12 [--competencies 5] [--seed 1] [--bands] [--zones] --out DIR\n' +
        '       node bench/generate.ts --wide <IC tracks>x<grades> [--wide ...] [--competencies 4] [--seed 1] --out DIR\n',
    );
    process.exit(values.help ? 0 : 2);
  }
  if (values.wide) {
    const families = values.wide.map(parseWide);
    if (families.some((f) => f === undefined)) {
      process.stderr.write('--wide takes <IC tracks>x<grades>, such as 8x12\n');
      process.exit(2);
    }
    const wide = families as WideFamilyOptions[];
    const files = generateWideLadder({ families: wide, competencies: Number(values.competencies ?? 4), seed: Number(values.seed) });
    writeLadder(resolve(values.out), files);
    process.stdout.write(`Wrote ${Object.keys(files).length} files (${wideLevelCount(wide)} levels) to ${values.out}\n`);
    process.exit(0);
  }
  const files = generateLadder({
    families: Number(values.families),
    grades: Number(values.grades),
    competencies: Number(values.competencies ?? 5),
    seed: Number(values.seed),
    bands: values.bands,
    zones: values.zones,
  });
  writeLadder(resolve(values.out), files);
  process.stdout.write(`Wrote ${Object.keys(files).length} files (${levelCount(Number(values.families), Number(values.grades))} levels) to ${values.out}\n`);
}
