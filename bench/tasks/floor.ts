/**
 * The floor for `ladder check`, in a fresh process: read the same files and
 * parse their frontmatter and Markdown bodies with the same libraries and
 * the same options (yaml parseDocument with a LineCounter, then toJS;
 * Sätteri's markdownToMdast with positions, GFM on and frontmatter off, as
 * src/ladder/markdown.ts), and nothing else: no validation, no model, no
 * rules. No checker can do less work and still have read the ladder with
 * positions. (floor-remark.ts is the same with remark, the old floor;
 * floor-js-yaml.ts with js-yaml, without positions in the frontmatter.)
 */
import { enableCompileCache } from 'node:module';
import { readLadder } from './measure.ts';

const started = performance.now();
enableCompileCache?.();
const [{ LineCounter, parseDocument }, { markdownToMdast }] = await Promise.all([import('yaml'), import('satteri')]);
const imported = performance.now();

readLadder(started, imported, (frontmatter, body) => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(frontmatter, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const data = doc.toJS();
  const tree = markdownToMdast(body, { features: { gfm: true, frontmatter: false }, position: true });
  return ('children' in tree ? tree.children.length : 0) + (data ? 1 : 0);
});
