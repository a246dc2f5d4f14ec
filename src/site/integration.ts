/**
 * The Astro side of Parity:
 * - `astro dev`: watches the content directory; on every change, runs the
 *   check again, prints its diagnostics in the terminal and reloads the browser.
 * - `astro build`: refuses a ladder with errors before any page is rendered
 *   (the `ladder build` command has already checked it; this guards a bare
 *   `astro build`).
 */
import { relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../ladder/check.ts';
import { formatText } from '../ladder/formatters/text.ts';
import { getCheck, invalidate } from './ladder.ts';

export default function parity(): AstroIntegration {
  let command = '';
  return {
    name: 'parity',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:build:start': () => {
        const result = getCheck();
        if (!result.ok) {
          process.stdout.write(formatText(result.diagnostics, result.summary));
          throw new Error(`The ladder in ${result.dir} has errors: no site is built from it`);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        // Astro also starts a short-lived Vite server during `astro build` (to sync types); only `astro dev` watches.
        if (command !== 'dev') return;
        const dir = contentDir();
        const report = () => {
          invalidate(dir);
          let result;
          try {
            result = getCheck(dir);
          } catch (error) {
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
        const onChange = (file: string) => {
          if (file !== dir && !file.startsWith(dir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            report();
            // Astro caches getStaticPaths() in dev and clears that cache on this event
            // (the one its content layer sends); then the browser reloads.
            for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
            server.ws.send({ type: 'full-reload', path: '*' });
          }, 120);
        };
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onChange);
      },
    },
  };
}
