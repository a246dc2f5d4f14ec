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
    nameFilters(host, document.getElementById('_search-labels'));
    const term = new URLSearchParams(location.search).get('q');
    if (term) ui.triggerSearch(term);
    if (status) status.textContent = '';
  } catch {
    if (status) status.textContent = 'Search is not available here: the search index is written by "ladder build".';
  }
}

/**
 * Pagefind's UI writes each filter value into its label as HTML, so the
 * pages give it ids (slugs such as "engineering-ic"), never a name from the
 * content. This shows each value by its name instead, set as text: the
 * label's first text node (the value Pagefind wrote) is replaced, the count
 * after it is left to Pagefind. Names come from the page's
 * <template id="_search-labels">, written (escaped) by the build.
 */
function nameFilters(host: HTMLElement, labels: HTMLElement | null): void {
  if (!(labels instanceof HTMLTemplateElement)) return;
  const names = new Map<string, string>();
  for (const span of labels.content.querySelectorAll<HTMLElement>('[data-filter]'))
    names.set(`${span.dataset.filter}:${span.dataset.value}`, span.textContent ?? '');
  const named = new WeakSet<Node>();
  const apply = () => {
    for (const box of host.querySelectorAll<HTMLInputElement>('input.pagefind-ui__filter-checkbox')) {
      const text = box.parentElement?.querySelector('.pagefind-ui__filter-label')?.firstChild;
      const name = names.get(`${box.name}:${box.value}`);
      if (text instanceof Text && !named.has(text) && name !== undefined && text.data.trim() === box.value) {
        text.data = name;
        named.add(text);
      }
    }
  };
  apply();
  new MutationObserver(apply).observe(host, { childList: true, subtree: true });
}
