/**
 * The web editor's program is built into the site from its npm package
 * (src/editor/admin.ts imports @sveltia/cms): its scripts, fonts and icons are
 * files of the site. The package's bundle-ready build sets up its fonts from
 * its own files (the FontFace API), but its stylesheet still names copies of
 * the same fonts on a public CDN, which the browser would fetch too. This
 * Vite plugin removes those CDN @font-face rules while the site is built, so
 * that /admin/ asks no other host for anything (tests/editing/editor-bundle.test.ts
 * fails if the package changes and a rule is left, or none is found).
 */

/** The package module whose stylesheet names the CDN fonts. */
const EDITOR_MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/;

/** An @font-face rule whose source is the CDN, with the comment that precedes it. */
const CDN_FONT_FACE = /(?:\/\*[^*]*\*\/\s*)?@font-face\s*\{[^{}]*https:\/\/cdn\.jsdelivr\.net\/[^{}]*\}/g;

/** The editor's code without the @font-face rules that load fonts from the CDN; how many it removed. */
export function withoutCdnFonts(code: string): { code: string; removed: number } {
  let removed = 0;
  const out = code.replace(CDN_FONT_FACE, () => {
    removed++;
    return '';
  });
  return { code: out, removed };
}

export function vitePluginEditor() {
  return {
    name: 'parity:editor-fonts',
    transform(code: string, id: string) {
      if (!EDITOR_MODULE.test(id.split('?')[0] ?? id)) return undefined;
      const { code: out, removed } = withoutCdnFonts(code);
      return removed > 0 ? { code: out, map: null } : undefined;
    },
  };
}

type Warning = { message?: string; code?: string; plugin?: string };

/**
 * Drops the bundler's notice that the core's Node imports (node:fs and
 * node:path, for reading a content folder) were left out of the browser
 * bundle of the editor's check, which reads files from memory; passes on
 * every other warning.
 */
export function quietCoreExternals(warning: Warning, warn: (warning: Warning) => void): void {
  if (/Module "node:(?:fs|path)" has been externalized for browser compatibility, imported by "[^"]*[\\/]src[\\/]ladder[\\/]/.test(warning.message ?? '')) return;
  warn(warning);
}
