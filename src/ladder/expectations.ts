/**
 * The expectations of a level: the observable behaviours that a
 * self-assessment asks about. They are the list items of each competency
 * section or, for a section written as prose, its sentences. Split from the
 * Markdown syntax tree (markdown.ts), so they are the same in every build of
 * the same text.
 */
import type { List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { fragmentNodes } from './markdown.ts';
import type { Level, Section } from './model.ts';

export interface Expectation {
  /** Stable within a level: `<section anchor>-<n>`, numbered from 1 in reading order. */
  id: string;
  text: string;
}

export interface SectionExpectations {
  competency: string | undefined;
  heading: string;
  anchor: string;
  expectations: Expectation[];
}

export function sectionExpectations(section: Section): SectionExpectations {
  const texts = fragmentNodes(section).flatMap(blockExpectations);
  return {
    competency: section.competency,
    heading: section.heading,
    anchor: section.anchor,
    expectations: texts.map((text, i) => ({ id: `${section.anchor}-${i + 1}`, text })),
  };
}

export function levelExpectations(level: Level): SectionExpectations[] {
  return level.sections.filter((s) => s.competency !== undefined).map(sectionExpectations);
}

function blockExpectations(node: RootContent): string[] {
  if (node.type === 'list') return listItems(node);
  if (node.type === 'paragraph') return sentences(clean(toString(node)));
  return [];
}

/** Each item of a list, nested lists flattened after their parent item. */
function listItems(list: List): string[] {
  return list.children.flatMap((item) => {
    const own = item.children.filter((child) => child.type !== 'list');
    const nested = item.children.filter((child): child is List => child.type === 'list');
    const text = clean(own.map((child) => toString(child)).join(' '));
    return [...(text ? [text] : []), ...nested.flatMap(listItems)];
  });
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|no|dr|mr|ms|mrs|st)\.)$/i;

/** Splits prose at ., ! or ? followed by a space and a capital letter or digit, except after an abbreviation. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["')\]]*\s+(?=[A-Z0-9"'(])/g)) {
    const end = match.index + match[0].trimEnd().length;
    if (ABBREVIATIONS.test(text.slice(start, end))) continue;
    out.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
