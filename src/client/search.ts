/**
 * Loads Pagefind's default UI into the search page. The index and the UI's
 * files are written by `ladder build` into <site>/pagefind/; when they are
 * missing (astro dev, or a build without the index) the page keeps its
 * plain directory of links and says why.
 */
interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  autofocus: boolean;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

function load(tag: 'script' | 'link', url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const node = document.createElement(tag);
    if (node instanceof HTMLScriptElement) node.src = url;
    else {
      node.rel = 'stylesheet';
      node.href = url;
    }
    node.addEventListener('load', () => resolve());
    node.addEventListener('error', () => reject(new Error(`Could not load ${url}`)));
    document.head.append(node);
  });
}

export async function loadSearch(host: HTMLElement, status: HTMLElement | null): Promise<void> {
  const bundle = host.dataset.bundle ?? '/pagefind/';
  const base = host.dataset.base ?? '/';
  try {
    await Promise.all([load('link', `${bundle}pagefind-ui.css`), load('script', `${bundle}pagefind-ui.js`)]);
    if (!window.PagefindUI) throw new Error('Pagefind UI missing');
    const ui = new window.PagefindUI({
      element: host,
      bundlePath: bundle,
      baseUrl: base,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
    });
    // Pagefind's input is labelled only by its title attribute: give it a proper accessible name.
    host.querySelector('input')?.setAttribute('aria-label', 'Search the ladder');
    const term = new URLSearchParams(location.search).get('q');
    if (term) ui.triggerSearch(term);
    if (status) status.textContent = '';
  } catch {
    if (status) status.textContent = 'Search is not available here: the search index is written by "ladder build".';
  }
}
