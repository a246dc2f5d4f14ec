/**
 * Test ladders: a small valid ladder written from code, or a copy of the
 * Northwind fixture, in a temporary directory that tests may edit freely.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { check, type CheckResult } from '../../src/ladder/check.ts';
import type { Diagnostic } from '../../src/ladder/diagnostics.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The Northwind ladder as it stood when the tests were written, frozen in
 * tests/fixtures/northwind/. Tests that need a realistic ladder with known
 * titles, grades and bands read this, so that editing the sample (content/)
 * never breaks them.
 */
export const SAMPLE = join(ROOT, 'tests/fixtures/northwind');

/**
 * The sample a visitor sees (content/). Only tests ABOUT the sample read it:
 * it passes the check and it round-trips through import and export. They
 * assert no title, grade or band of it.
 */
export const CONTENT = join(ROOT, 'content');

const dirs: string[] = [];

export function tempDir(prefix = 'parity-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Removes every temporary directory made so far (call from afterAll). */
export function cleanup(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type Files = Record<string, string>;

const level = (title: string, grade: number, min: number, max: number, scope: string, sections: string[], decisions = '[hiring]') =>
  `---
title: ${title}
grade: ${grade}
summary: ${title} does the work of grade ${grade}.
pay:
  min: ${min}
  max: ${max}
authority:
  scope: ${scope}
  budget: ${grade * 1000}
  decisions: ${decisions}
---

${sections.map((s) => `## ${s}\n\n- Does ${s.toLowerCase()} at grade ${grade}.\n`).join('\n')}`;

/**
 * A minimal valid ladder: one family, an IC track (grades 1–2) and a
 * management track (grade 2), two competencies.
 */
export function miniLadder(): Files {
  return {
    'ladder.md': `---
name: Mini Ladder
currency: EUR
---

A small ladder for tests.
`,
    'families/eng.md': '---\nname: Engineering\n---\n\nBuilds software.\n',
    'competencies/craft.md': '---\nname: Craft\n---\n\nThe craft.\n',
    'competencies/people.md': '---\nname: People\n---\n\nThe people.\n',
    'tracks/eng-ic.md': '---\nname: Engineering IC\nfamily: eng\nkind: individual-contributor\ncompetencies: [craft, people]\n---\n\nFor builders.\n',
    'tracks/eng-mgmt.md': '---\nname: Engineering management\nfamily: eng\nkind: management\ncompetencies: [people, craft]\n---\n\nFor managers.\n',
    'levels/eng-ic/engineer.md': level('Engineer', 1, 50000, 70000, 'team', ['Craft', 'People']),
    'levels/eng-ic/senior.md': level('Senior Engineer', 2, 70000, 90000, 'group', ['Craft', 'People']),
    'levels/eng-mgmt/manager.md': level('Manager', 2, 70000, 90000, 'group', ['People', 'Craft']),
  };
}

/**
 * (1.1) A small ladder paid from family bands: three zones (the anchor
 * "hq", "remote" by a factor of 0.8, "berlin" in EUR set by hand), one
 * family whose bands 1–3 carry a bonus from grade 2 and equity at grade 3,
 * an IC track (grades 1–3) and a management track (grades 2–3), no level
 * with a pay: of its own.
 */
/** A level of bandLadder(): no pay of its own unless `pay` gives a block. */
export const bandLevel = (title: string, grade: number, pay = '') =>
  `---\ntitle: ${title}\ngrade: ${grade}\nsummary: ${title} works at grade ${grade}.\n${pay}authority:\n  scope: team\n  budget: ${grade * 1000}\n  decisions: [hiring]\n---\n\n## Craft\n\n- Does the work of grade ${grade}.\n`;

export function bandLadder(): Files {
  const level = bandLevel;
  return {
    'ladder.md': `---
name: Band Ladder
currency: USD
zones:
  - id: hq
    name: Headquarters
  - id: remote
    name: Remote
    factor: 0.8
  - id: berlin
    name: Berlin
    currency: EUR
---

A ladder paid from family bands.
`,
    'families/eng.md': `---
name: Engineering
bands:
  1:
    min: 50000
    max: 70000
    zones:
      berlin: { min: 40000, max: 55000 }
  2:
    min: 70000
    max: 90000
    bonus: 5
    zones:
      berlin: { min: 55000, max: 70000 }
  3:
    min: 90000
    max: 120000
    bonus: 10
    equity:
      min: 10000
      max: 20000
    zones:
      berlin: { min: 70000, max: 95000 }
---

Builds software.
`,
    'competencies/craft.md': '---\nname: Craft\n---\n\nThe craft.\n',
    'tracks/eng-ic.md': '---\nname: Engineering IC\nfamily: eng\nkind: individual-contributor\ncompetencies: [craft]\n---\n\nFor builders.\n',
    'tracks/eng-mgmt.md': '---\nname: Engineering management\nfamily: eng\nkind: management\ncompetencies: [craft]\n---\n\nFor managers.\n',
    'levels/eng-ic/engineer.md': level('Engineer', 1),
    'levels/eng-ic/engineer-ii.md': level('Engineer II', 2),
    'levels/eng-ic/senior.md': level('Senior Engineer', 3),
    'levels/eng-mgmt/manager.md': level('Manager', 2),
    'levels/eng-mgmt/senior-manager.md': level('Senior Manager', 3),
  };
}

export function writeLadder(files: Files, dir = tempDir()): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A fresh copy of the Northwind fixture. */
export function copySample(): string {
  const dir = tempDir('parity-sample-');
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

export function editFile(dir: string, path: string, edit: (text: string) => string): void {
  const file = join(dir, path);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

/** Checks a ladder given as files. */
export function checkFiles(files: Files): CheckResult {
  return check(writeLadder(files));
}

/** 1-based line and column of the first occurrence of `needle` (plus `offset` characters) in `text`. */
export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length;
  return { line, column: index + offset - before.lastIndexOf('\n') };
}

export function rulesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.rule);
}
