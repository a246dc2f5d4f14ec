/**
 * A second reference floor (bench/tasks/floor.ts is the floor): the same
 * reading with the frontmatter parsed by js-yaml instead of yaml, without
 * positions. `ladder check` reads plain frontmatter this way and asks yaml
 * only where positions are needed (src/ladder/plain-yaml.ts), so this shows
 * what the check's own work costs beside the fastest reading it could do.
 */
import { enableCompileCache } from 'node:module';
import { runFloor } from './measure.ts';

const started = performance.now();
enableCompileCache?.();
const [{ default: jsyaml }, { markdownToMdast }] = await Promise.all([import('js-yaml'), import('satteri')]);
const imported = performance.now();

runFloor(started, imported, (frontmatter, body) => {
  const data = jsyaml.load(frontmatter, { schema: jsyaml.CORE_SCHEMA });
  const tree = markdownToMdast(body, { features: { gfm: true, frontmatter: false }, position: true });
  return ('children' in tree ? tree.children.length : 0) + (data ? 1 : 0);
});
