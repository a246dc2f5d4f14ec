/**
 * content/choose.md (the "Which track fits me?" page) and the track id it
 * reserves: its frontmatter is checked like every other file's, and a track
 * called "choose", whose page /tracks/choose/ would hide, is refused.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../src/ladder/check.ts';
import { miniLadder } from './helpers/ladder.ts';

describe('choose.md', () => {
  it('is optional', () => {
    const result = checkSources(miniLadder());
    expect(result.ok).toBe(true);
    expect(result.ladder.pages.has('choose')).toBe(false);
  });

  it('gives the page its title and text', () => {
    const result = checkSources({ ...miniLadder(), 'choose.md': '---\ntitle: Lead, or go deep?\n---\n\nAsk yourself **one** question.\n' });
    expect(result.diagnostics).toEqual([]);
    const page = result.ladder.pages.get('choose')!;
    expect(page.title).toBe('Lead, or go deep?');
    expect(page.source.file).toBe('choose.md');
    expect(page.body.tree.children[0]?.type).toBe('paragraph');
    expect(result.summary.files).toBe(Object.keys(miniLadder()).length + 1);
  });

  it('may leave the title out', () => {
    const result = checkSources({ ...miniLadder(), 'choose.md': '---\n---\n\nText.\n' });
    expect(result.ok).toBe(true);
    expect(result.ladder.pages.get('choose')?.title).toBeUndefined();
  });

  it('reports an unknown or empty field at its line, with a suggestion, and is then left out', () => {
    const result = checkSources({ ...miniLadder(), 'choose.md': '---\ntitel: Which one?\n---\n\nText.\n' });
    expect(result.diagnostics).toMatchObject([
      { file: 'choose.md', line: 2, column: 1, rule: 'schema/titel', severity: 'error', message: expect.stringContaining('did you mean "title"?') },
    ]);
    expect(result.ladder.pages.has('choose')).toBe(false);
    const empty = checkSources({ ...miniLadder(), 'choose.md': '---\ntitle: ""\n---\n' });
    expect(empty.diagnostics).toMatchObject([{ file: 'choose.md', rule: 'schema/title', message: '"title" must not be empty' }]);
  });

  it('still needs a frontmatter block, and safe Markdown', () => {
    expect(checkSources({ ...miniLadder(), 'choose.md': 'Just text.\n' }).diagnostics).toMatchObject([{ file: 'choose.md', rule: 'syntax/frontmatter' }]);
    expect(checkSources({ ...miniLadder(), 'choose.md': '---\n---\n\n<script>x</script>\n' }).diagnostics).toMatchObject([
      { file: 'choose.md', rule: 'content/unsafe-html' },
    ]);
  });
});

describe('the track id "choose"', () => {
  it('is refused, at the track file, without noise about its levels', () => {
    const files = miniLadder();
    files['tracks/choose.md'] = files['tracks/eng-mgmt.md']!;
    files['levels/choose/manager.md'] = files['levels/eng-mgmt/manager.md']!;
    const result = checkSources(files);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      { file: 'tracks/choose.md', line: 1, column: 1, rule: 'schema/id', severity: 'error', message: expect.stringContaining('/tracks/choose/') },
    ]);
    expect(result.ladder.track.has('choose')).toBe(false);
  });

  it('is only reserved for tracks', () => {
    const files = miniLadder();
    files['competencies/choose.md'] = '---\nname: Choosing\n---\n\nMaking choices.\n';
    files['levels/eng-ic/choose.md'] = files['levels/eng-ic/engineer.md']!.replace('grade: 1', 'grade: 3')
      .replace(/min: \d+/, 'min: 90000')
      .replace(/max: \d+/, 'max: 100000');
    const result = checkSources(files);
    expect(result.diagnostics.filter((d) => d.rule === 'schema/id')).toEqual([]);
    expect(result.ladder.competency.has('choose')).toBe(true);
  });
});
