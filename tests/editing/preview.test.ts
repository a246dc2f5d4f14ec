/**
 * What the editor's preview says of an entry (src/editor/check.ts): the
 * core's own check, run with the rest of the ladder, split into what is
 * reported in the entry's file and what the change causes elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntry } from '../../src/editor/check.ts';
import { editorConfig } from '../../src/editor/config.ts';
import { readEntry, writeEntry } from '../../src/editor/format.ts';
import { layoutOf } from '../../src/editor/preview.ts';
import { check, checkSources } from '../../src/ladder/check.ts';
import { SAMPLE } from '../helpers/ladder.ts';

const files: Record<string, string> = {};
for (const f of readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }))
  if (f.endsWith('.md')) files[f.split('\\').join('/')] = readFileSync(join(SAMPLE, f), 'utf8');
const STAFF = 'levels/engineering-ic/staff-engineer.md';

describe('the check of an entry being edited', () => {
  it('finds nothing in an entry as it was read', () => {
    expect(checkEntry(files, STAFF, files[STAFF]!)).toEqual({ file: STAFF, here: [], elsewhere: [] });
  });

  it('reports a parity break in the entry, and the counterpart it breaks, exactly as ladder check does', () => {
    const values = readEntry('level', files[STAFF]!) as { pay: { min: number } };
    values.pay.min = 195000;
    const text = writeEntry('level', values);
    const report = checkEntry(files, STAFF, text);
    const full = checkSources({ ...files, [STAFF]: text }).diagnostics;
    expect(report.here.map((d) => d.rule)).toEqual(['parity/pay']);
    expect(report.here[0]).toMatchObject({ line: 6, column: 8 });
    expect(report.elsewhere.map((d) => `${d.file} ${d.rule}`)).toEqual(['levels/engineering-management/engineering-manager.md parity/pay']);
    expect([...report.here, ...report.elsewhere].sort((a, b) => a.file.localeCompare(b.file))).toEqual(full.sort((a, b) => a.file.localeCompare(b.file)));
  });

  it('checks a new entry where it will be written', () => {
    const text =
      '---\ntitle: Fellow\ngrade: 9\nsummary: A fellow.\npay:\n  min: 1\n  max: 2\nauthority:\n  scope: nowhere\n  budget: 0\n  decisions: []\n---\n\n## Technical craft\n';
    const report = checkEntry(files, 'levels/engineering-ic/fellow.md', text);
    expect(report.here.map((d) => d.rule)).toEqual(expect.arrayContaining(['ref/unknown', 'content/missing-section']));
    expect(report.here.every((d) => d.file === 'levels/engineering-ic/fellow.md')).toBe(true);
  });
});

describe('where the preview finds the ladder', () => {
  it('maps every collection of the configuration to its folder or file in the content directory', () => {
    const ladder = check(SAMPLE).ladder;
    const layout = layoutOf(editorConfig(ladder, { contentPath: 'tests/fixtures/northwind' }));
    expect(layout.prefix).toBe('tests/fixtures/northwind/');
    expect(layout.collections).toEqual(
      expect.arrayContaining([
        { name: 'ladder', kind: 'ladder', files: [{ name: 'ladder', file: 'ladder.md', kind: 'ladder' }] },
        { name: 'families', kind: 'family', folder: 'families' },
        { name: 'levels-engineering-ic', kind: 'level', folder: 'levels/engineering-ic' },
      ]),
    );
    const folders = layout.collections.flatMap((c) => (c.folder ? [c.folder] : c.files!.map((f) => f.file)));
    for (const path of Object.keys(files)) expect(folders.some((f) => path === f || path.startsWith(`${f}/`))).toBe(true);
  });
});
