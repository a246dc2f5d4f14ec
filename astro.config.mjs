// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  // Keep the spaces between inline elements that 'jsx' compression would drop.
  compressHTML: true,
  trailingSlash: 'always',
  build: { format: 'directory' },
});
