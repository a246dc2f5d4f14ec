/**
 * /admin/config.yml: the web editor's configuration, generated at build time
 * from the ladder format's schemas and the ladder's own tracks, scopes and
 * zones (src/editor/config.ts), so the editor's forms can never drift from
 * what `ladder check` accepts.
 *
 * Settings (docs/configuration.md): `parity({ editor: { authBaseUrl,
 * authEndpoint, siteDomain }, repository: { branch, contentPath } })`.
 */
import { basename } from 'node:path';
import type { APIRoute } from 'astro';
import { editorConfigYaml } from '../../editor/config.ts';
import { siteConfig } from '../../site/config.ts';
import { getLadder } from '../../site/ladder.ts';
import { contentPathInRepository, editBranch } from '../../site/repository.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) => {
  const editor = siteConfig().editor || {};
  const yaml = editorConfigYaml(getLadder(), {
    contentPath: contentPathInRepository(),
    branch: editBranch(),
    authBaseUrl: editor.authBaseUrl,
    authEndpoint: editor.authEndpoint,
    authSiteDomain: editor.siteDomain,
    siteUrl: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
    folderName: basename(process.cwd()),
  });
  return new Response(yaml, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
