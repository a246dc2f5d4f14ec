/**
 * The old floor, kept for reference (bench/tasks/floor.ts is the floor now):
 * the same as floor.ts, with the Markdown parsed by unified + remark-parse +
 * remark-gfm, the stack Parity used before Sätteri (issue 13).
 */
import { enableCompileCache } from 'node:module';
import { runFloor } from './measure.ts';

const started = performance.now();
enableCompileCache?.();
const [{ LineCounter, parseDocument }, { unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
  import('yaml'),
  import('unified'),
  import('remark-parse'),
  import('remark-gfm'),
]);
const imported = performance.now();

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
runFloor(started, imported, (frontmatter, body) => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(frontmatter, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const data = doc.toJS();
  const tree = parser.parse(body);
  return tree.children.length + (data ? 1 : 0);
});
