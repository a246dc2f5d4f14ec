/**
 * The Markdown pipeline (src/ladder/markdown.ts, render.ts) on Sätteri: what
 * reaches a page is safe whatever the Markdown, the sections are the same
 * nodes as in the whole body, and the inputs on which Sätteri reads
 * Markdown differently from remark (which Parity used before) keep their
 * diagnostics located. docs/format.md says what Parity accepts.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../src/ladder/check.ts';
import { levelExpectations } from '../src/ladder/expectations.ts';
import { fragmentNodes, parseBody, parseMarkdown, splitSections } from '../src/ladder/markdown.ts';
import { renderHtml, renderText } from '../src/ladder/render.ts';
import { miniLadder } from './helpers/ladder.ts';

const LEVEL = 'levels/eng-ic/senior.md';
/** The mini ladder with the senior level's body replaced; its body starts on line 13. */
function withBody(body: string) {
  const files = miniLadder();
  files[LEVEL] = files[LEVEL]!.replace(/\n---\n[\s\S]*$/, `\n---\n${body}`);
  return checkSources(files);
}
const BODY_LINE = withBody('').ladder.level.get('eng-ic/senior')!.body.line;
const located = (body: string, rule: string) =>
  withBody(body)
    .diagnostics.filter((d) => d.file === LEVEL && d.rule === rule)
    .map((d) => [d.line - BODY_LINE + 1, d.column]);
const html = (markdown: string) => renderHtml(parseBody(markdown, 1));

const ELEMENTS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'INPUT',
  'PRE',
  'CODE',
  'EM',
  'STRONG',
  'DEL',
  'A',
  'IMG',
  'BR',
  'HR',
  'SUP',
  'SECTION',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
]);
const ATTRIBUTES = new Set([
  'href',
  'title',
  'src',
  'alt',
  'id',
  'class',
  'start',
  'type',
  'checked',
  'disabled',
  'style',
  'aria-describedby',
  'aria-label',
  'data-footnote-ref',
  'data-footnote-backref',
  'data-footnotes',
]);

/** Every way the HTML could run code or reach outside the page's own markup, as a browser would parse it. */
function unsafeParts(markup: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const found: string[] = [];
  if (markup.includes('<!--')) found.push('a comment');
  for (const element of document.body.querySelectorAll('*')) {
    if (!ELEMENTS.has(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
    for (const { name, value } of element.attributes) {
      if (!ATTRIBUTES.has(name)) found.push(`${name}=`);
      if ((name === 'href' || name === 'src') && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^(https?|mailto|tel):/i.test(value.trim()))
        found.push(`${name}=${value}`);
      if (name === 'src' && /^\s*(mailto|tel):/i.test(value)) found.push(`${name}=${value}`);
      if (name === 'style' && !/^text-align: (left|center|right)$/.test(value)) found.push(`style=${value}`);
      if (name === 'id' && !value.startsWith('user-content-')) found.push(`id=${value}`);
    }
    if (element.tagName === 'INPUT' && (element.getAttribute('type') !== 'checkbox' || !element.hasAttribute('disabled'))) found.push('an enabled input');
  }
  return found;
}

describe('rendered HTML', () => {
  const attacks: [string, string][] = [
    ['a script block', '<script>alert(1)</script>'],
    ['a script inline', 'Text <script>alert(1)</script> more.'],
    ['an HTML block', '<div onclick="alert(1)">\n\n*x*\n\n</div>'],
    ['an event handler', '- <img src=x onerror=alert(1)>'],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))'],
    ['a mixed-case, entity-encoded link', '[x](JaVa&#115;cript:alert(1))'],
    ['a javascript: link with a tab', '[x](java\tscript:alert(1))'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a javascript: reference definition', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['a data: link', '[x](data:text/html,<script>alert(1)</script>)'],
    ['a vbscript: link', '[x](vbscript:msgbox)'],
    ['a mailto: image', '![x](mailto:a@example.com)'],
    ['an HTML comment', '<!-- hidden -->'],
    ['a style element', '<style>body{display:none}</style>'],
    ['an iframe', '<iframe src="https://example.com"></iframe>'],
    ['a form', '<form action="https://example.com"><input name=x></form>'],
    ['an SVG', '<svg onload=alert(1)><circle/></svg>'],
    ['a code fence language with quotes', '```js" onmouseover="alert(1)\nx\n```'],
    ['a footnote label with markup', 'x[^a"><b>]\n\n[^a"><b>]: note'],
    ['a link title with quotes', '[x](https://example.com "a\\" onclick=\\"alert(1)")'],
    ['a processing instruction', '<?php echo 1; ?>'],
    ['a CDATA section', '<![CDATA[<script>alert(1)</script>]]>'],
  ];
  it.each(attacks)('drops %s', (_name, markdown) => {
    const out = html(markdown);
    expect(unsafeParts(out), out).toEqual([]);
    expect(out).not.toMatch(/<(script|style|iframe|form|svg|div)\b/i);
  });

  it('keeps what Markdown means: emphasis, lists, links, images, code, tables, task lists, footnotes', () => {
    const out = html(
      [
        'Some *em*, **strong**, ~~del~~ and `code`, [a link](https://example.com "T"), [relative](/x/), [mail](mailto:a@example.com), <https://example.com/auto>, ![an image](https://example.com/i.png).',
        '',
        '1. one',
        '   - nested',
        '2. two',
        '',
        '- [ ] open',
        '- [x] done',
        '',
        '| Left | Right |',
        '|:-----|------:|',
        '| 1    | 2     |',
        '',
        '```ts',
        'const x = 1 < 2;',
        '```',
        '',
        'A note[^n].',
        '',
        '[^n]: The note.',
      ].join('\n'),
    );
    expect(unsafeParts(out)).toEqual([]);
    for (const part of [
      '<em>em</em>',
      '<strong>strong</strong>',
      '<del>del</del>',
      '<code>code</code>',
      '<a href="https://example.com" title="T">a link</a>',
      '<a href="/x/">relative</a>',
      '<a href="mailto:a@example.com">mail</a>',
      '<a href="https://example.com/auto">',
      '<img src="https://example.com/i.png" alt="an image">',
      '<ol>',
      '<li>nested</li>',
      '<input type="checkbox" disabled>',
      '<input type="checkbox" checked disabled>',
      '<th style="text-align: left">Left</th>',
      '<td style="text-align: right">2</td>',
      '<code class="language-ts">const x = 1 &lt; 2;',
      'href="#user-content-fn-n"',
      'id="user-content-fn-n"',
      'aria-describedby="user-content-footnote-label"',
      'id="user-content-footnote-label"',
    ]) {
      expect(out).toContain(part);
    }
  });

  it('is safe for any Markdown made of risky pieces', () => {
    const pieces = [
      '<',
      '>',
      '</',
      'script',
      'img',
      'svg',
      ' onerror=',
      ' src=',
      '"',
      "'",
      '`',
      '```',
      '[',
      ']',
      '(',
      ')',
      '![',
      ':',
      'javascript',
      'data',
      '&#106;',
      '&#x6A;',
      '&colon;',
      '\t',
      '\n',
      '\n\n',
      '- ',
      '| a |',
      '|---|',
      '[^1]',
      '[1]: ',
      '<!--',
      '-->',
      'x',
      ' ',
      '\\',
      '*',
      '#',
      '\u0000',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const markdown = parts.join('');
        const out = html(markdown);
        expect(unsafeParts(out), `${JSON.stringify(markdown)} → ${out}`).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('renders a section on its own, with the link definitions written elsewhere in the body', () => {
    const body = parseBody(
      'Intro with [a ref][1].\n\n## Craft\n\n- Reads [the guide][guide].\n\n## People\n\n- Helps.\n\n[guide]: https://example.com/guide\n[1]: https://example.com/one\n',
      1,
    );
    const { intro, sections } = splitSections(body);
    expect(renderHtml(intro)).toBe('<p>Intro with <a href="https://example.com/one">a ref</a>.</p>');
    expect(renderHtml(sections[0])).toBe('<ul>\n<li>Reads <a href="https://example.com/guide">the guide</a>.</li>\n</ul>');
    expect(renderText(sections[0])).toBe('Reads the guide.');
    expect(renderText(sections[1])).toBe('Helps.');
  });

  it('reads U+0000 as U+FFFD, as CommonMark says', () => {
    expect(html('a\u0000b')).toBe('<p>a\uFFFDb</p>');
  });
});

describe('sections', () => {
  // Positions differ (a section's text starts after its heading). So may indented code after a list or a quote further
  // up, which a section does not see: Sätteri 0.10 may keep a last whitespace-only line in the block, or split the block
  // line by line (see "where Sätteri and remark differ" below), where remark, and Sätteri on the section alone, read one
  // block. Such blocks are compared merged, and tabs are left out.
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const merged: unknown[] = [];
      for (const child of node.map(strip) as ({ type?: string; value?: string } | null)[]) {
        const last = merged.at(-1) as typeof child | undefined;
        if (child?.type === 'code' && last?.type === 'code') last.value = `${last.value}\n${child.value}`;
        else merged.push(child);
      }
      return merged;
    }
    if (node && typeof node === 'object') {
      const code = 'type' in node && node.type === 'code';
      return Object.fromEntries(
        Object.entries(node)
          .filter(([k]) => k !== 'position')
          .map(([k, v]) => [k, code && k === 'value' && typeof v === 'string' ? v.trimEnd() : strip(v)]),
      );
    }
    return node;
  };
  const pieces = [
    '## Craft\n',
    '## People\n',
    '### Sub\n',
    'Setext\n---\n',
    '- item ',
    '  - nested ',
    '1. one ',
    '> quote ',
    'text ',
    '*em* ',
    '[a](https://example.com) ',
    '[r][1] ',
    '\n[1]: https://example.com/r\n',
    '`code` ',
    '```\nfence\n',
    '    indented\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n',
    '\n',
    '\n\n',
    '  ',
    'é 😀 ',
    '\r\n',
  ];

  it('are the nodes of the whole body, parsed from their own text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const markdown = parts.join('');
        const tree = parseMarkdown(markdown);
        const body = parseBody(markdown, 1, tree);
        const { intro, sections } = splitSections(body);
        const whole: RootContent[][] = [[]];
        for (const node of tree.children) {
          if (node.type === 'heading' && node.depth === 2) whole.push([]);
          else whole.at(-1)!.push(node);
        }
        const carried = (fragment: { definitions?: string }) => (fragment.definitions ? parseMarkdown(fragment.definitions).children.length : 0);
        const parts_ = [intro, ...sections];
        expect(parts_).toHaveLength(whole.length);
        parts_.forEach((fragment, i) => {
          expect(strip(fragmentNodes(fragment).slice(carried(fragment))), `${JSON.stringify(markdown)}, part ${i}`).toEqual(strip(whole[i]));
        });
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Where Sätteri and remark read Markdown differently, or where this pipeline
 * does what the remark one did not. Each case states what Parity does now;
 * docs/format.md lists them.
 */
describe('where Sätteri and remark differ', () => {
  it('a GFM table is a table, aligned with text-align (remark with the old sanitizer wrote align="…")', () => {
    const out = html('| a | b |\n|:--|:-:|\n| 1 | 2 |');
    expect(out).toContain('<th style="text-align: left">a</th>');
    expect(out).toContain('<td style="text-align: center">2</td>');
  });

  it('a line of HTML right under a table is a row of the table, and still located as raw HTML on its line', () => {
    expect(located('\n## Craft\n\n| a | b |\n|---|---|\n| 1 | 2 |\n<b>bold</b>\n\n## People\n\n- y\n', 'content/unsafe-html')).toEqual([
      [7, 1],
      [7, 8],
    ]);
    expect(html('| a | b |\n|---|---|\n| 1 | 2 |\n<b>bold</b>')).toContain('<td>bold</td>');
  });

  it('an HTML block is one piece of raw HTML, located where it opens, and not rendered', () => {
    expect(located('\n## Craft\n\n<div>\n*x*\n</div>\n\n## People\n\n- y\n', 'content/unsafe-html')).toEqual([[4, 1]]);
    expect(html('<div>\n*x*\n</div>\n\nAfter.')).toBe('<p>After.</p>');
  });

  it('an entity-encoded javascript: link is found where the link starts, and rendered without its URL', () => {
    expect(located('\n## Craft\n\n- Does [x](&#106;avascript:alert(1)) well.\n\n## People\n\n- y\n', 'content/unsafe-html')).toEqual([[4, 8]]);
    expect(html('[x](&#106;avascript:alert(1))')).toBe('<p><a>x</a></p>');
  });

  it('nested lists: each item is an expectation, nested ones after their parent', () => {
    const level = withBody('\n## Craft\n\n- One.\n  - One, nested.\n    - Deeper.\n- Two.\n\n## People\n\n1. Three.\n   1. Three, nested.\n').ladder.level.get(
      'eng-ic/senior',
    )!;
    expect(levelExpectations(level).map((s) => s.expectations.map((e) => e.text))).toEqual([
      ['One.', 'One, nested.', 'Deeper.', 'Two.'],
      ['Three.', 'Three, nested.'],
    ]);
  });

  it('a placeholder right after a bare web address is located (remark gave that text no position)', () => {
    expect(located('\n## Craft\n\n- See www.example.com TODO: write this.\n\n## People\n\n- y\n', 'content/placeholder')).toEqual([[4, 23]]);
  });

  it('columns count UTF-16 code units after accents, emoji and tabs, as remark did', () => {
    expect(located('\n## Craft\n\n- é 😀\t[x](javascript:y)\n\n## People\n\n- y\n', 'content/unsafe-html')).toEqual([[4, 8]]);
  });

  it('indented code right under a heading that follows a quote or a list is split line by line in the whole body; the section alone, which the page shows, is one block', () => {
    const tree = parseMarkdown('> Quote.\n## Craft\n    one\n    two\n');
    expect(tree.children.map((node) => node.type)).toEqual(['blockquote', 'heading', 'code', 'code']);
    const [section] = splitSections(parseBody('> Quote.\n## Craft\n    one\n    two\n', 1)).sections;
    expect(renderHtml(section)).toBe('<pre><code>one\ntwo\n</code></pre>');
  });

  it('a body that starts with --- is a thematic break, not frontmatter', () => {
    expect(html('---\ntitle: x\n---\n')).toBe('<hr>\n<h2>title: x</h2>');
  });
});
