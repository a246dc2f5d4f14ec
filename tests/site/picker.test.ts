import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { toLadderJson } from '../../src/site/export.ts';
import { choiceQuery, readChoice, render } from '../../src/client/picker.ts';
import { SAMPLE } from '../helpers/ladder.ts';

describe('the /compare/ picker', () => {
  const data = toLadderJson(check(SAMPLE).ladder);
  const level = (id: string) => data.levels.find((l) => l.id === id)!;

  beforeAll(() => {
    (globalThis as { document?: unknown }).document = parseHTML('<!doctype html><html><body></body></html>').document;
  });

  it('keeps the choice in a shareable query and restores only known levels', () => {
    const query = choiceQuery('engineering-ic/staff-engineer', 'engineering-management/engineering-manager');
    expect(query).toBe('?a=engineering-ic/staff-engineer&b=engineering-management/engineering-manager');
    const known = (id: string) => data.levels.some((l) => l.id === id);
    expect(readChoice(query, known)).toEqual({ a: 'engineering-ic/staff-engineer', b: 'engineering-management/engineering-manager' });
    expect(readChoice('?a=nope/x&b=engineering-ic/staff-engineer', known)).toEqual({ a: undefined, b: 'engineering-ic/staff-engineer' });
  });

  it('renders two levels side by side, with labelled cells and links to the pre-built pages', () => {
    const output = document.createElement('div');
    render(data, level('engineering-ic/staff-engineer'), level('engineering-ic/senior-staff-engineer'), output as HTMLElement);
    const table = output.querySelector('table.compare')!;
    expect([...table.querySelectorAll('thead th a')].map((a) => a.getAttribute('href'))).toEqual([
      '/levels/engineering-ic/staff-engineer/',
      '/levels/engineering-ic/senior-staff-engineer/',
    ]);
    expect(table.querySelector('caption')?.textContent).toBe('Staff Engineer and Senior Staff Engineer side by side');
    for (const td of table.querySelectorAll('tbody td')) expect(td.getAttribute('data-label')).toMatch(/Staff Engineer/);
    expect(table.textContent).toContain('$185,000 – $240,000');
    expect([...output.querySelectorAll('.picker-links a')].map((a) => a.getAttribute('href'))).toEqual(['/levels/engineering-ic/staff-engineer/next/']);
  });

  it('links the grade comparison for two levels of one grade', () => {
    const output = document.createElement('div');
    render(data, level('engineering-ic/staff-engineer'), level('engineering-management/engineering-manager'), output as HTMLElement);
    expect([...output.querySelectorAll('.picker-links a')].map((a) => a.getAttribute('href'))).toEqual(['/compare/engineering/4/']);
    const rows = [...output.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(rows).toContain('People leadership');
    expect(rows).toContain('Technical craft');
  });
});
