/**
 * A draft ladder becomes content files, written the way the sample content
 * is written (key order, flow lists, one blank line between blocks), so
 * that an untouched export imports back byte for byte. Whatever the sheet
 * did not give is a "TODO:" placeholder that content/placeholder warns
 * about, and a line in the list of what HR still has to fill in.
 */
import { stringify } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { PLACEHOLDER } from '../model.ts';
import { DEFAULT_SCOPES, TRACK_KINDS } from '../schema.ts';
import type { Draft, LevelDraft, SectionDraft } from './draft.ts';
import { bandLines, familyBandLines, zoneLines } from './pay.ts';
import { humanize } from './values.ts';

export interface PlannedFile {
  /** Relative to the content directory, forward slashes, built from slugs only. */
  path: string;
  text: string;
  /**
   * Whether the sheet described this file. A file made up of placeholders
   * (say, a family's text when the sheet has no families sheet) never
   * replaces one that exists, even with --force.
   */
  described: boolean;
}

export interface Plan {
  files: PlannedFile[];
  diagnostics: Diagnostic[];
  /** What HR still has to fill in, in words. */
  todo: string[];
}

/** A YAML scalar on one line: plain where that reads back as the same string, quoted otherwise (line breaks as \\n). */
export function scalar(value: string): string {
  if (/[\n\r]/.test(value)) return stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', doubleQuotedMinMultiLineLength: Infinity }).trimEnd();
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A flow list, `[a, b]`, items quoted where they need it. */
export function flow(items: readonly string[]): string {
  return stringify([...items], { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

/** Frontmatter lines and a body: the file as the sample writes it. */
function markdownFile(frontmatter: readonly string[], blocks: readonly (string | undefined)[]): string {
  const body = blocks.filter((b): b is string => b !== undefined && b.trim() !== '').join('\n\n');
  return `---\n${frontmatter.join('\n')}\n---\n${body === '' ? '' : `\n${body}\n`}`;
}

const todoText = (what: string) => `${PLACEHOLDER}: ${what}`;

export function planFiles(draft: Draft): Plan {
  const files: PlannedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const missing = new Map<string, string[]>();
  const miss = (what: string, who: string) => missing.set(what, [...(missing.get(what) ?? []), who]);
  const todo: string[] = [...draft.notes];

  // Grades: a track whose levels came without any is numbered in the order of the sheet.
  const byTrack = new Map<string, LevelDraft[]>();
  for (const level of draft.levels) byTrack.set(level.track, [...(byTrack.get(level.track) ?? []), level]);
  for (const [track, levels] of byTrack) {
    if (levels.every((l) => l.grade === undefined)) {
      levels.forEach((l, i) => (l.grade = i + 1));
      todo.push(
        levels.length === 1
          ? `The level of track ${track} was given grade 1: check it (levels of equal weight in different tracks must share a grade).`
          : `Grades of track ${track} were numbered 1 to ${levels.length} in the order of the sheet: check them (levels of equal weight in different tracks must share a grade).`,
      );
    } else if (levels.some((l) => l.grade === undefined)) {
      // Some levels have a grade (from a code) and some not: each of those takes the next free grade after the level before it.
      const taken = new Set(levels.map((l) => l.grade).filter((g): g is number => g !== undefined));
      let previous = 0;
      const given: string[] = [];
      for (const l of levels) {
        if (l.grade === undefined) {
          let g = previous + 1;
          while (taken.has(g)) g++;
          l.grade = g;
          taken.add(g);
          given.push(`${l.title} ${g}`);
        }
        previous = l.grade;
      }
      todo.push(
        `Track ${track}: the sheet gives no grade for ${given.join(', ')}; they were given the next free grade after the level before them: check them.`,
      );
    }
  }

  // Tracks, families and competencies that the levels name but no sheet described.
  for (const level of draft.levels) {
    if (!draft.tracks.has(level.track)) draft.tracks.set(level.track, { described: false });
  }
  let placeholderCompetency = false;
  for (const [id, track] of draft.tracks) {
    if (!track.family) track.family = 'main';
    if (!draft.families.has(track.family)) draft.families.set(track.family, { described: false });
    if (!track.competencies) {
      const seen: string[] = [];
      for (const level of byTrack.get(id) ?? []) for (const s of level.sections) if (!seen.includes(s.competency)) seen.push(s.competency);
      track.competencies = seen;
    }
    if (track.competencies.length === 0) {
      track.competencies = ['expectations'];
      placeholderCompetency = true;
    }
    for (const c of track.competencies) {
      if (!draft.competencies.has(c))
        draft.competencies.set(c, { name: c === 'expectations' && placeholderCompetency ? 'Expectations' : humanize(c), described: false });
    }
  }
  if (placeholderCompetency)
    todo.push('The sheet has no expectations: every level has one "Expectations" section to write (or add competencies and their sections).');

  // ladder.md
  const settings = draft.settings;
  const currency = settings?.currency ?? draft.currency;
  if (!currency) todo.push('ladder.md: the currency is USD because the sheet names none; change it if pay is in another currency.');
  // Scopes in the order of the grades that first hold them: a ladder's scope widens as the grade rises.
  const byGrade = [...draft.levels].filter((l) => l.scope !== undefined).sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0));
  const usedScopes = [...new Set(byGrade.map((l) => l.scope!))];
  let scopes = settings?.scopes;
  if (!scopes) {
    const extra = usedScopes.filter((s) => !(DEFAULT_SCOPES as readonly string[]).includes(s));
    if (extra.length > 0) {
      scopes = usedScopes;
      todo.push(
        `ladder.md: the scopes are the sheet's own (${usedScopes.join(', ')}), in the order of the lowest grade that holds each; check that they go from the narrowest scope to the widest.`,
      );
    }
  }
  const ladderLines = [`name: ${scalar(settings?.name ?? 'Career Ladder')}`, `currency: ${currency ?? 'USD'}`];
  if (settings?.repository) ladderLines.push(`repository: ${scalar(settings.repository)}`);
  if (scopes) ladderLines.push(`scopes: ${flow(scopes)}`);
  if (draft.zones) ladderLines.push(...zoneLines(draft.zones, scalar));
  if (settings?.rounding !== undefined) ladderLines.push(`rounding: ${settings.rounding}`);
  if (settings?.visibilityPay) ladderLines.push('visibility:', `  pay: ${settings.visibilityPay}`);
  if (settings?.payPolicy || (draft.exceptions && draft.exceptions.length > 0)) {
    ladderLines.push('parity:');
    if (settings?.payPolicy) ladderLines.push(`  pay: ${settings.payPolicy}`);
    if (draft.exceptions && draft.exceptions.length > 0) {
      ladderLines.push('  exceptions:');
      for (const e of draft.exceptions) {
        ladderLines.push(`    - family: ${scalar(e.family)}`, `      grade: ${e.grade}`, `      rule: ${scalar(e.rule)}`, `      reason: ${scalar(e.reason)}`);
      }
    }
  }
  if (!settings) todo.push('ladder.md: the name of the ladder and its introduction.');
  files.push({
    path: 'ladder.md',
    text: markdownFile(ladderLines, [settings?.intro ?? (settings ? undefined : todoText('introduce the ladder: who it is for and how to read it.'))]),
    described: settings !== undefined,
  });

  // families
  for (const [id, family] of draft.families) {
    const lines = [`name: ${scalar(family.name ?? humanize(id))}`];
    if (family.order !== undefined) lines.push(`order: ${family.order}`);
    lines.push(...familyBandLines(draft.bands.filter((b) => b.family === id)));
    if (!family.described) miss('what the family does', `families/${id}.md`);
    files.push({
      path: `families/${id}.md`,
      text: markdownFile(lines, [family.text ?? (family.described ? undefined : todoText(`what ${family.name ?? humanize(id)} does at the company.`))]),
      described: family.described,
    });
  }

  // competencies
  for (const [id, competency] of draft.competencies) {
    if (!competency.described && competency.text === undefined) miss('what the competency means', `competencies/${id}.md`);
    files.push({
      path: `competencies/${id}.md`,
      text: markdownFile(
        [`name: ${scalar(competency.name)}`],
        [competency.text ?? (competency.described ? undefined : todoText(`what ${competency.name} means, and how it grows from grade to grade.`))],
      ),
      described: competency.described,
    });
  }

  // tracks
  for (const [id, track] of draft.tracks) {
    let kind = track.kind;
    if (!kind || !(TRACK_KINDS as readonly string[]).includes(kind)) {
      kind = /manag|leader|director|head|vp|chief|executive/i.test(`${track.name ?? id}`) ? 'management' : 'individual-contributor';
      todo.push(`tracks/${id}.md: the kind "${kind}" was guessed from its name; check it.`);
    }
    const lines = [
      `name: ${scalar(track.name ?? humanize(id))}`,
      `family: ${scalar(track.family!)}`,
      `kind: ${kind}`,
      `competencies: ${flow(track.competencies ?? [])}`,
    ];
    if (track.order !== undefined) lines.push(`order: ${track.order}`);
    if (!track.described) miss('who the track is for', `tracks/${id}.md`);
    files.push({
      path: `tracks/${id}.md`,
      text: markdownFile(lines, [track.text ?? (track.described ? undefined : todoText('who this track is for and how people grow along it.'))]),
      described: track.described,
    });
  }

  // levels
  const bandOf = new Set(draft.bands.map((b) => `${b.family}\u0000${b.grade}`));
  const firstScope = scopes?.[0] ?? DEFAULT_SCOPES[0];
  for (const level of draft.levels) {
    const track = draft.tracks.get(level.track)!;
    const path = `levels/${level.track}/${level.slug}.md`;
    const lines = [`title: ${scalar(level.title)}`, `grade: ${level.grade}`];
    if (level.summary) lines.push(`summary: ${scalar(level.summary)}`);
    else {
      lines.push(`summary: ${scalar(todoText('one sentence that says what this level is.'))}`);
      miss('the summary', path);
    }
    const pay = level.pay;
    if (pay && (pay.min !== undefined || pay.max !== undefined)) {
      if (pay.min === undefined || pay.max === undefined) miss(pay.min === undefined ? 'the bottom of the pay band' : 'the top of the pay band', path);
      lines.push('pay:', ...bandLines({ ...pay, min: pay.min ?? pay.max, max: pay.max ?? pay.min }, '  '));
    } else if (!bandOf.has(`${track.family}\u0000${level.grade}`)) {
      lines.push(`pay: # ${PLACEHOLDER}: the sheet gave no pay band; set it`, '  min: 0', '  max: 0');
      miss('the pay band (it is 0–0)', path);
    }
    const authority = level.scope !== undefined && level.budget !== undefined && level.decisions !== undefined;
    lines.push(authority ? 'authority:' : `authority: # ${PLACEHOLDER}: the sheet did not say all of scope, budget and decisions`);
    lines.push(`  scope: ${scalar(level.scope ?? firstScope)}`, `  budget: ${level.budget ?? 0}`, `  decisions: ${flow(level.decisions ?? [])}`);
    if (!authority) miss('the authority (scope, budget, decisions)', path);
    const sections: SectionDraft[] = [...level.sections];
    for (const c of track.competencies ?? []) {
      if (sections.some((s) => s.competency === c)) continue;
      const name = draft.competencies.get(c)?.name ?? humanize(c);
      sections.push({ competency: c, heading: name, text: `- ${todoText(`what people at this level visibly do in ${name.toLowerCase()}.`)}` });
      if (!placeholderCompetency) miss(`expectations for ${name}`, path);
    }
    for (const s of level.sections) {
      if (!(track.competencies ?? []).includes(s.competency)) {
        diagnostics.push(
          diagnostic(
            s.at ?? level.at,
            'import/unknown-competency',
            `${level.title}: "${s.heading}" is not a competency of track ${level.track} (its competencies: ${(track.competencies ?? []).join(', ')})`,
          ),
        );
      }
    }
    files.push({
      path,
      text: markdownFile(lines, [
        level.intro,
        ...sections.map((s) => `## ${s.heading}\n\n${s.text.trim() === '' ? `- ${todoText('what people at this level visibly do here.')}` : s.text.trim()}`),
      ]),
      described: true,
    });
  }

  for (const page of draft.pages) {
    files.push({ path: `${page.name}.md`, text: markdownFile(page.title ? [`title: ${scalar(page.title)}`] : [], [page.text]), described: true });
  }

  for (const [what, where] of missing) {
    const shown = where.slice(0, 5).join(', ');
    todo.push(`${what}: ${shown}${where.length > 5 ? ` and ${where.length - 5} more` : ''}`);
  }
  return { files, diagnostics, todo };
}
