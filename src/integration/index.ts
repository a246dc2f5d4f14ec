/**
 * `parity()`: the Astro integration a company puts in its astro.config.mjs.
 * - It injects every page of the site (src/integration/routes.ts), so the
 *   company's project has no `src/pages`.
 * - Its options (src/integration/options.ts) choose the content directory,
 *   the title and logo, the repository, the optional pages, component
 *   overrides and custom CSS; a wrong option stops with a message naming it.
 * - `astro dev`: watches the content directory; on every change, checks
 *   again (reading and parsing only the files that changed), prints the
 *   diagnostics in the terminal and reloads the browser.
 * - `astro build`: refuses a ladder with errors before any page is rendered
 *   (the `ladder build` command has already checked it; this guards a bare
 *   `astro build`).
 */
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readEnv } from '../environment.ts';
import { formatText } from '../ladder/formatters/text.ts';
import { showsAmounts } from '../site/audience.ts';
import { buildAudience, buildContent, configureSite, type SiteConfig } from '../site/config.ts';
import { getCheck, invalidate, recheck } from '../site/ladder.ts';
import { noteOptions, parseOptions, ParityOptionsError, type ParityOptions, type ParityUserOptions } from './options.ts';
import { vitePluginEditor } from './editor.ts';
import { discard, editorProgram, installProgram, type EditorProgram } from './editor-program.ts';
import { ROUTES } from './routes.ts';
import { PACKAGE_ROOT, resolveUserFiles, vitePluginParity } from './virtual.ts';

export type { ParityUserOptions } from './options.ts';
export type { SiteConfig } from '../site/config.ts';

export default function parity(userOptions: ParityUserOptions = {}): AstroIntegration {
  let options: ParityOptions;
  try {
    options = parseOptions(userOptions);
    noteOptions(options);
  } catch (error) {
    if (error instanceof ParityOptionsError) throw userError(error.message, 'Each option of parity() is described in docs/configuration.md.');
    throw error;
  }
  let command = '';
  let contentDir = '';
  /** The web editor's program, built on its own (or taken from the cache) for this build. */
  let program: EditorProgram | undefined;
  return {
    name: 'parity-ladder',
    hooks: {
      'astro:config:setup': async ({ config, command: cmd, injectRoute, updateConfig, logger }) => {
        command = cmd;
        const root = fileURLToPath(config.root);
        const env = readEnv();
        // `ladder build` has already checked a directory (its --content, $LADDER_CONTENT or ./content): render that one.
        contentDir = buildContent() ?? resolve(root, env.content ?? options.content);
        const files = resolveUserFiles({ root, components: options.components, customCss: options.customCss });
        const logo = options.logo ? resolve(root, options.logo) : undefined;
        if (files.missing.length > 0) {
          throw userError(`parity(): ${files.missing.join('; ')}`, 'Fix the path in astro.config.mjs, or remove the option.');
        }
        const site: SiteConfig = {
          contentDir,
          title: options.title,
          logo,
          repository: options.repository,
          editLinks: options.editLinks,
          history: options.history,
          editor: options.editor,
          pages: options.pages,
          // `ladder build --audience internal` builds the site with amounts for a ladder whose pay is internal (docs/publishing.md).
          audience: buildAudience() ?? 'public',
        };
        configureSite(site);
        // /pay/ and /ladder-pay.csv exist only in a build that shows amounts, and so does /admin/: the web
        // editor edits the bands, and its program (a third-party bundle) is not searched for what could read as one.
        const amounts = showsAmounts(getCheck(contentDir).ladder.visibility.pay, site.audience);
        const editor = options.editor !== false && amounts;
        for (const route of ROUTES) {
          if (route.page && !options.pages[route.page]) continue;
          if (route.needs === 'editor' && !editor) continue;
          if (route.needs === 'amounts' && !amounts) continue;
          injectRoute({ pattern: route.pattern, entrypoint: resolve(PACKAGE_ROOT, 'src', 'routes', route.entrypoint), prerender: true });
        }
        // A build takes the editor's program from the cache when nothing it is made of changed (editor-program.ts);
        // if that fails, Vite bundles it with the site, as `astro dev` always does.
        // The site's base path: astro.config.mjs's, else $LADDER_BASE (set below).
        const base = config.base === '/' && env.base ? env.base : config.base;
        if (cmd === 'build' && editor) {
          const slashed = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
          try {
            discard(program);
            program = undefined;
            program = await editorProgram(join(fileURLToPath(config.cacheDir), 'parity'), slashed, root);
            const made = program;
            process.once('exit', () => discard(made));
            if (program.built) logger.info("built the web editor's program (later builds reuse it until its sources change)");
          } catch (error) {
            logger.warn(`the web editor's program is bundled with the site: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        updateConfig({
          // The spec's URLs end in a slash and every page is a folder with an index.html.
          trailingSlash: 'always',
          build: { format: 'directory' },
          // `true` removes whitespace losslessly; the default 'jsx' drops the spaces between inline elements.
          compressHTML: true,
          devToolbar: { enabled: false },
          ...(config.site === undefined && env.site ? { site: env.site } : {}),
          base,
          vite: {
            plugins: [vitePluginParity({ root, components: files.components, customCss: files.customCss }), vitePluginEditor({ program: program?.url })],
            // Scripts are files of the site, never inlined into a page: the pages' Content-Security-Policy
            // (src/layouts/Base.astro) runs scripts from the site only. Other assets keep Vite's 4 KiB rule.
            build: {
              assetsInlineLimit: (file: string) => (/\.[cm]?js$/.test(file) ? false : undefined),
              // The editor's program (and the code-highlighting grammars it loads on demand) are large files that
              // only /admin/ loads; the site's own pages load a few kilobytes.
              chunkSizeWarningLimit: 4096,
            },
            // The pages and components ship as source (.astro, .ts): Vite compiles them like the project's own.
            ssr: { noExternal: ['parity-ladder'] },
          },
        });
      },
      'astro:build:start': () => {
        const result = getCheck(contentDir);
        if (!result.ok) {
          process.stdout.write(formatText(result.diagnostics, result.summary));
          throw userError(`The ladder in ${result.dir} has errors: no site is built from it`, 'Run "npx ladder check" and fix what it reports.');
        }
      },
      'astro:build:done': ({ dir }) => {
        if (!program) return;
        installProgram(program, fileURLToPath(dir));
        discard(program);
        program = undefined;
      },
      'astro:server:setup': ({ server, logger }) => {
        // Astro also starts a short-lived Vite server during `astro build` (to sync types); only `astro dev` watches.
        if (command !== 'dev') return;
        const dir = contentDir;
        /** Checks again (everything, or only the files that changed) and prints the diagnostics. */
        const report = (changed?: readonly string[]) => {
          let result;
          try {
            if (changed) {
              result = recheck(dir, changed);
            } else {
              invalidate(dir);
              result = getCheck(dir);
            }
          } catch (error) {
            invalidate(dir);
            logger.error(error instanceof Error ? error.message : String(error));
            return;
          }
          const rel = relative(process.cwd(), dir).split(sep).join('/');
          const prefix = rel === '' ? '' : rel.startsWith('..') ? `${dir}/` : `${rel}/`;
          const text = formatText(result.diagnostics, result.summary, { color: Boolean(process.stdout.isTTY), prefix });
          process.stdout.write(`\n${text}`);
        };
        report();
        server.watcher.add(dir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = new Set<string>();
        const onChange = (file: string) => {
          if (file !== dir && !file.startsWith(dir + sep)) return;
          changed.add(file);
          clearTimeout(timer);
          // A short pause gathers the writes of one save (an editor may write, rename and touch).
          timer = setTimeout(() => {
            const files = [...changed];
            changed.clear();
            report(files);
            // Astro caches getStaticPaths() in dev and clears that cache on this event
            // (the one its content layer sends); then the browser reloads.
            for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
            server.ws.send({ type: 'full-reload', path: '*' });
          }, 40);
        };
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onChange);
      },
    },
  };
}

/**
 * A mistake of the company's (an option, a path, the ladder), for Astro to
 * print as its message and hint. It has no stack: Astro prints a stack trace
 * whenever an error has one (`astro build`, `astro dev`), and Parity's
 * internals are no help in fixing astro.config.mjs or the content.
 */
function userError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}
