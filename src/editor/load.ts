/**
 * The admin page's one script: loads the web editor (src/editor/admin.ts, a
 * file of its own in the built site) and, if that fails (blocked by a
 * proxy or an extension, a broken connection, a missing file), says so on
 * the page in words, with what to do, instead of leaving it blank.
 *
 * A ladder that names no repository can only be edited in a local copy:
 * the editor starts on this computer's own address (localhost), and
 * elsewhere the page keeps its explanation of how to set the editor up.
 */
export {};

const root = document.documentElement;
const status = document.getElementById('editor-status');
const failure = document.getElementById('editor-failed');
const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname) || location.hostname.endsWith('.localhost');

function failed(error: unknown): void {
  const why = document.getElementById('editor-failed-why');
  if (why) why.textContent = error instanceof Error ? error.message : String(error);
  if (status) status.hidden = true;
  if (failure) failure.hidden = false;
  failure?.querySelector('h1')?.focus();
}

if (root.dataset.editor === 'local-only' && !local) {
  // The page already says how to set the editor up.
} else {
  import('./admin.ts')
    .then(async ({ start }) => {
      // The editor draws its own page: the status line goes away as it starts.
      status?.remove();
      await start(root.dataset.config ?? 'config.yml');
    })
    .catch(failed);
}
