/** The Atom feed of changes (src/site/feed.ts): well-formed, with the elements RFC 4287 requires. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/git/history.ts';
import { atomFeed, uuidUrn, xml } from '../../src/site/feed.ts';
import { xmlProblems } from '../helpers/xml.ts';

const entries: HistoryEntry[] = [
  {
    commit: 'b'.repeat(40),
    short: 'bbbbbbb',
    date: '2025-03-02T09:30:00+01:00',
    subject: 'Raise <grade 2> & "widen" scope',
    status: 'diff',
    summary: '1 level changed',
    items: [
      {
        type: 'level',
        kind: 'changed',
        id: 'eng-ic/senior',
        name: 'Senior & Co',
        track: 'eng-ic',
        grade: 2,
        phrases: ['Pay band raised from €70,000–€90,000 to €75,000–€95,000.'],
      },
    ],
  },
  {
    commit: 'a'.repeat(40),
    short: 'aaaaaaa',
    date: '2025-01-15T10:00:00+00:00',
    subject: 'First',
    status: 'initial',
    summary: 'First version of the ladder',
    items: [],
  },
];

function feed(site: boolean) {
  return atomFeed({
    ladderName: 'Acme <Ladder>',
    entries,
    pageUrl: site ? 'https://careers.example.com/changes/' : '/changes/',
    selfUrl: site ? 'https://careers.example.com/changes.xml' : '/changes.xml',
    absolutePageUrl: site ? 'https://careers.example.com/changes/' : undefined,
    itemUrl: (item) => `/levels/${item.id}/`,
    anchor: (entry) => `_c-${entry.short}`,
    now: new Date('2025-05-01T00:00:00Z'),
  });
}

const parse = (text: string) => parseHTML(`<root>${text.replace(/^<\?xml[^>]*>/, '')}</root>`).document;

describe('atomFeed', () => {
  it('is well-formed XML with the required feed and entry elements', () => {
    for (const site of [true, false]) {
      const text = feed(site);
      expect(xmlProblems(text)).toEqual([]);
      const doc = parse(text);
      const root = doc.querySelector('feed')!;
      expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
      for (const name of ['id', 'title', 'updated', 'author']) expect(root.querySelector(`:scope > ${name}`), name).toBeTruthy();
      expect(root.querySelector(':scope > updated')?.textContent).toBe('2025-03-02T09:30:00+01:00');
      const items = [...doc.querySelectorAll('entry')];
      expect(items).toHaveLength(2);
      for (const entry of items) {
        for (const name of ['id', 'title', 'updated', 'link', 'content']) expect(entry.querySelector(name), name).toBeTruthy();
        expect(entry.querySelector('link')?.getAttribute('rel')).toBe('alternate');
      }
      expect(items[0]!.querySelector('title')?.textContent).toBe('Raise <grade 2> & "widen" scope');
    }
  });

  it('uses the page URL as id when the site is known, else stable urn:uuid ids', () => {
    const withSite = parse(feed(true));
    expect(withSite.querySelector('feed > id')?.textContent).toBe('https://careers.example.com/changes/');
    expect(withSite.querySelector('entry id')?.textContent).toBe('https://careers.example.com/changes/#_c-bbbbbbb');
    const without = parse(feed(false));
    const ids = [...without.querySelectorAll('id')].map((e) => e.textContent);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
    expect(feed(false)).toBe(feed(false));
    expect(uuidUrn('x')).toBe(uuidUrn('x'));
  });

  it('puts the changes in words in the entry, as escaped HTML', () => {
    const text = feed(true);
    expect(text).toContain(
      '<content type="html">&lt;p&gt;1 level changed.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;/levels/eng-ic/senior/&quot;&gt;Senior &amp;amp; Co&lt;/a&gt;: Pay band raised',
    );
  });

  it('is valid with no entries, dated when it was built', () => {
    const text = atomFeed({
      ladderName: 'L',
      entries: [],
      pageUrl: '/changes/',
      selfUrl: '/changes.xml',
      itemUrl: () => undefined,
      anchor: () => '',
      now: new Date('2025-05-01T00:00:00Z'),
    });
    expect(xmlProblems(text)).toEqual([]);
    expect(text).toContain('<updated>2025-05-01T00:00:00.000Z</updated>');
  });

  it('drops characters that XML forbids', () => {
    expect(xml('a\u0001b<')).toBe('ab&lt;');
  });
});

describe('xmlProblems (the test helper)', () => {
  it('finds what makes XML malformed', () => {
    expect(xmlProblems('<a><b></a></b>')).not.toEqual([]);
    expect(xmlProblems('<a x="1" x="2"/>')).not.toEqual([]);
    expect(xmlProblems('<a>&nbsp;</a>')).not.toEqual([]);
    expect(xmlProblems('<a>1 & 2</a>')).not.toEqual([]);
    expect(xmlProblems('<a x=1/>')).not.toEqual([]);
    expect(xmlProblems('<a/><b/>')).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0"?>\n<a x="&amp;"><!-- c --><b>&#x27;&lt;</b></a>\n')).toEqual([]);
  });
});
