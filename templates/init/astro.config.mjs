// @ts-check
// Your ladder's site: Parity's pages, your content, your brand.
// Every option of parity() is described in the parity-ladder package's docs/configuration.md.
import { defineConfig } from 'astro/config';
import parity from 'parity-ladder';

export default defineConfig({
  // site: 'https://careers.example.com',   // your site's address (or set LADDER_SITE in CI)
  integrations: [
    parity({
      content: 'content',
      // customCss: ['./src/brand.css'],     // your colours and fonts: see docs/configuration.md
      // components: { Footer: './src/Footer.astro' },
    }),
  ],
});
