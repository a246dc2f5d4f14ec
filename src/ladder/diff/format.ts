/** A ladder diff as text for a terminal, Markdown for a pull-request comment, or JSON. */
import type { ChangeKind, EntityChange, LadderDiff, TextChange, WordExcerpt } from './types.ts';
import { flat } from './compare.ts';
import { visible } from '../text.ts';
import {
  describeBandChange,
  describeBandUse,
  describeException,
  describeFieldLines,
  describeSummary,
  describeTerms,
  describeVerdicts,
  describeZone,
  ENTITY_LABEL,
  ladderChanges,
  shorten,
} from './words.ts';

const MARK: Record<ChangeKind, string> = { added: '+', removed: '-', renamed: '>', changed: '~' };

export function formatDiffText(diff: LadderDiff): string {
  const lines: string[] = [`Ladder diff: ${diff.base.label} → ${diff.head.label}`, `${describeSummary(diff)}; ${describeVerdicts(diff)}`];
  const entity = (c: EntityChange) => {
    const where = c.type === 'level' ? `, grade ${c.grade}` : '';
    const from = c.kind === 'renamed' ? ` (was ${c.from})` : '';
    lines.push(`  ${MARK[c.kind]} ${c.id}: ${c.name}${where} ${c.kind}${from}`);
    if ((c.kind === 'added' || c.kind === 'removed') && c.terms) lines.push(`      ${describeTerms(c.terms, diff.currency)}`);
    for (const f of c.fields) for (const phrase of describeFieldLines(f, diff.currency)) lines.push(`      ${phrase}`);
    for (const b of c.bands ?? []) {
      for (const phrase of describeBandChange(b)) lines.push(`      ${phrase}`);
      lines.push(`        ${describeBandUse(b)}`);
    }
    for (const t of c.text) lines.push(...textLines(t).map((l) => `      ${l}`));
  };
  const ladder = diff.ladder;
  if (ladderChanges(diff) > 0) {
    lines.push('', 'Ladder (ladder.md)');
    for (const f of ladder.fields) for (const phrase of describeFieldLines(f, diff.currency)) lines.push(`  ${phrase}`);
    for (const z of ladder.zones ?? []) lines.push(`  ${describeZone(z)}`);
    for (const e of ladder.exceptions) lines.push(`  ${describeException(e)}`);
    for (const t of ladder.text) lines.push(...textLines(t).map((l) => `  ${l}`));
  }
  for (const [title, list] of [
    ['Families', diff.families],
    ['Competencies', diff.competencies],
    ['Tracks', diff.tracks],
    ['Levels', diff.levels],
  ] as const) {
    if (list.length === 0) continue;
    lines.push('', title);
    list.forEach(entity);
  }
  if (diff.verdicts.length > 0) {
    lines.push('', 'Checks');
    for (const v of diff.verdicts) {
      const label = v.change === 'appeared' ? `new ${v.severity}` : `fixed ${v.severity}`;
      lines.push(`  ${label.padEnd(13)} ${v.file}:${v.line}:${v.column}  ${v.message}  ${v.rule}`);
    }
  }
  // Names, headings and messages come from content: no control character of theirs reaches the terminal.
  return `${lines.map(visible).join('\n')}\n`;
}

function textLines(t: TextChange): string[] {
  if (t.kind === 'added') return [`${t.heading}: section added: "${shorten(t.after, 100)}"`];
  if (t.kind === 'removed') return [`${t.heading}: section removed`];
  const out = t.excerpts.map((e, i) => `${i === 0 ? `${t.heading}: ` : ' '.repeat(t.heading.length + 2)}${excerptText(e)}`);
  if (t.more > 0) out.push(`${' '.repeat(t.heading.length + 2)}and ${t.more} more change${t.more === 1 ? '' : 's'}`);
  return out;
}

function excerptText(e: WordExcerpt): string {
  return [e.before, e.removed ? `[-${e.removed}-]` : '', e.added ? `{+${e.added}+}` : '', e.after].filter(Boolean).join(' ');
}

// ─── Markdown: a pull-request comment ───────────────────────────────────────

/** The first line of every comment, so that CI can find and update its own comment. */
export const COMMENT_MARKER = '<!-- ladder-diff -->';

const ICON: Record<ChangeKind, string> = { added: '🆕 added', removed: '🗑️ removed', renamed: '🔀 renamed', changed: '✏️ changed' };

export function formatDiffMarkdown(diff: LadderDiff): string {
  const out: string[] = [COMMENT_MARKER, '### Ladder changes', ''];
  const status = diff.summary.errorsAppeared > 0 || !diff.head.ok ? '❌' : '✅';
  out.push(`**${describeSummary(diff)}** · ${status} ${md(describeVerdicts(diff))}`, '');
  out.push(`<sub>${md(diff.base.label)} → ${md(diff.head.label)}</sub>`, '');

  if (diff.levels.length > 0) {
    out.push('#### Levels', '', '| | Level | Track | Grade | What changed |', '| --- | --- | --- | --- | --- |');
    for (const c of diff.levels) {
      const what: string[] = [];
      if (c.kind === 'renamed') what.push(`was ${code(c.from ?? '')}`);
      if ((c.kind === 'added' || c.kind === 'removed') && c.terms) what.push(cell(describeTerms(c.terms, diff.currency)));
      what.push(...c.fields.flatMap((f) => describeFieldLines(f, diff.currency)).map(cell));
      const sections = c.text.map((t) => (t.kind === 'changed' ? t.heading : `${t.heading} (${t.kind})`));
      if (sections.length > 0) what.push(cell(`text: ${sections.join(', ')}`));
      out.push(`| ${ICON[c.kind]} | ${cell(c.name)} | ${cell(c.track ?? '')} | ${c.grade ?? ''} | ${what.join('<br>') || '—'} |`);
    }
    out.push('');
  }

  const others = [...diff.families, ...diff.tracks, ...diff.competencies];
  const ladder = diff.ladder;
  if (others.length > 0 || ladderChanges(diff) > 0) {
    out.push('#### Ladder, families, tracks and competencies', '', '| | What | Id | What changed |', '| --- | --- | --- | --- |');
    const ladderWhat = [
      ...ladder.fields.flatMap((f) => describeFieldLines(f, diff.currency)),
      ...(ladder.zones ?? []).map(describeZone),
      ...ladder.exceptions.map(describeException),
      ...ladder.text.map((t) => `${t.heading} text ${t.kind}`),
    ];
    if (ladderWhat.length > 0) out.push(`| ✏️ changed | Ladder | ${code('ladder.md')} | ${ladderWhat.map(cell).join('<br>')} |`);
    for (const c of others) {
      const what = [
        ...(c.kind === 'renamed' ? [`was ${code(c.from ?? '')}`] : []),
        ...c.fields.flatMap((f) => describeFieldLines(f, diff.currency)).map(cell),
        ...(c.bands ?? []).flatMap((b) => [...describeBandChange(b), `(${describeBandUse(b)})`]).map(cell),
        ...c.text.map((t) => cell(`${t.heading.toLowerCase()} ${t.kind}`)),
      ];
      out.push(`| ${ICON[c.kind]} | ${ENTITY_LABEL[c.type]}: ${cell(c.name)} | ${code(c.id)} | ${what.join('<br>') || '—'} |`);
    }
    out.push('');
  }

  const texts = [...diff.levels, ...others].filter((c) => c.text.some((t) => t.kind === 'changed'));
  if (texts.length > 0) {
    out.push('#### Wording', '');
    for (const c of texts) {
      const changed = c.text.filter((t) => t.kind === 'changed');
      out.push(`<details><summary>${cell(c.name)}: ${changed.map((t) => cell(t.heading)).join(', ')}</summary>`, '');
      for (const t of changed) {
        const excerpts = t.excerpts.map((e) =>
          [md(e.before), e.removed ? `~~${md(e.removed)}~~` : '', e.added ? `**${md(e.added)}**` : '', md(e.after)].filter(Boolean).join(' '),
        );
        out.push(`- **${md(t.heading)}**: ${excerpts.join(' · ')}${t.more > 0 ? ` (and ${t.more} more)` : ''}`);
      }
      out.push('', '</details>', '');
    }
  }

  if (diff.verdicts.length > 0) {
    out.push('#### Checks', '', '| | Where | Problem | Rule |', '| --- | --- | --- | --- |');
    for (const v of diff.verdicts) {
      const label = v.change === 'appeared' ? (v.severity === 'error' ? '❌ new error' : '⚠️ new warning') : `✅ fixed ${v.severity}`;
      out.push(`| ${label} | ${code(`${v.file}:${v.line}`)} | ${cell(v.message)} | ${code(v.rule)} |`);
    }
    out.push('');
  }
  if (diff.summary.identical) out.push('Nothing in the ladder differs between these versions.', '');
  return `${out.map(visible).join('\n').trimEnd()}\n`;
}

/**
 * Text safe inside a Markdown paragraph: no accidental emphasis, links or HTML,
 * and no live mention: "@org/team" gets a zero-width joiner after the "@", so
 * that a name or heading in the ladder does not notify a team on GitHub.
 */
function md(text: string): string {
  return text.replace(/[\\`*_~[\]<>|#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)).replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200d');
}

/** An id or path as code; backticks inside are dropped (ids are slugs). */
function code(text: string): string {
  return `\`${text.replace(/[`|\n]/g, '')}\``;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return md(flat(text));
}

export function formatDiffJson(diff: LadderDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
