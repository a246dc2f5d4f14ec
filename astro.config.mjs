// @ts-check
import { defineConfig } from 'astro/config';
import parity from './src/site/integration.ts';

// The ladder to publish comes from $LADDER_CONTENT (set by `ladder build --content DIR`).
// LADDER_SITE (https://careers.example.com) enables absolute URLs in print and the canonical link;
// LADDER_BASE (/careers) publishes the site below a sub-path.
export default defineConfig({
  site: process.env.LADDER_SITE || undefined,
  base: process.env.LADDER_BASE || undefined,
  integrations: [parity()],
  // `true` removes whitespace losslessly; the default 'jsx' drops the spaces between inline elements.
  compressHTML: true,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
