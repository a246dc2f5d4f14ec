/**
 * Images in Markdown bodies that another host would serve. A published
 * ladder is read by the whole company: an image from elsewhere (a "tracking
 * pixel") makes every reader's browser call that host, which learns who
 * reads which level and when. So a body may show only images of the site
 * itself (a path such as /images/chart.png, from the project's public/
 * folder); links to other sites are fine, since a reader chooses to follow them.
 *
 * Works on the mdast tree alone (images, and image references resolved
 * through their definitions), so it does not depend on the Markdown parser.
 */
import type { Definition, Image, ImageReference, Nodes, Root } from 'mdast';

export interface ImageFinding {
  /** Position in the body's Markdown (1-based), before the body's first file line is added. */
  line: number;
  column: number;
  message: string;
}

/** Every image of the tree whose URL names another host (https://, http:// or //host). */
export function findExternalImages(tree: Root): ImageFinding[] {
  // One walk: the images, and the definitions an image reference may point to (written before or after it).
  const definitions = new Map<string, Definition>();
  const images: (Image | ImageReference)[] = [];
  walk(tree, (node) => {
    if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    } else if (node.type === 'image' || node.type === 'imageReference') images.push(node);
  });
  const findings: ImageFinding[] = [];
  for (const node of images) {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier)?.url;
    if (url === undefined) continue;
    const host = otherHost(url);
    if (host === undefined) continue;
    const start = node.position?.start;
    findings.push({
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      message: `An image from another site (${host}) is not allowed: every reader's browser would fetch it from there, and that site would learn who reads the ladder. Serve the image from the site itself (a path such as /images/chart.png) or link to it instead`,
    });
  }
  return findings;
}

/**
 * The host an http(s) URL points to when it is not this site: an absolute
 * URL, or one starting with two slashes (browsers read "\" as "/" and ignore
 * spaces and control characters there). Undefined for a path of the site.
 */
export function otherHost(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').replace(/\\/g, '/');
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
  if (!absolute && !cleaned.startsWith('//')) return undefined;
  try {
    const parsed = new URL(cleaned, 'https://this.site/');
    // Other schemes (data:, javascript:) are content/unsafe-html (markdown.ts); mailto: and tel: fetch nothing.
    if (!['http:', 'https:'].includes(parsed.protocol)) return undefined;
    return parsed.host || cleaned;
  } catch {
    return cleaned.slice(0, 60);
  }
}

/** Every node, depth first, without recursion (a body may nest deeply). */
function walk(root: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}
