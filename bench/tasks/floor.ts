/**
 * The floor for `ladder check`, in a fresh process: read the same files and
 * parse their frontmatter and Markdown bodies with the parsers the check was
 * built on, with the same options (yaml parseDocument with a LineCounter,
 * then toJS; Sätteri's markdownToMdast with positions, GFM on and
 * frontmatter off, as src/ladder/markdown.ts), and nothing else: no
 * validation, no model, no rules. No checker on these parsers can do less
 * and still have read the ladder with positions. The check itself now reads
 * plain frontmatter with js-yaml (src/ladder/plain-yaml.ts), which is why it
 * can be faster: floor-js-yaml.ts is the same reading with js-yaml, and
 * floor-remark.ts with remark, the old floor.
 */
import { enableCompileCache } from 'node:module';
import { runFloor } from './measure.ts';

const started = performance.now();
enableCompileCache?.();
const [{ LineCounter, parseDocument }, { markdownToMdast }] = await Promise.all([import('yaml'), import('satteri')]);
const imported = performance.now();

runFloor(started, imported, (frontmatter, body) => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(frontmatter, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const data = doc.toJS();
  const tree = markdownToMdast(body, { features: { gfm: true, frontmatter: false }, position: true });
  return ('children' in tree ? tree.children.length : 0) + (data ? 1 : 0);
});
