// The page's script and styles, built once when the server starts: esbuild bundles web/app.ts in
// memory (no files written, nothing downloaded), and the style sheets are read as they are.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WEB = fileURLToPath(new URL('./web/', import.meta.url));

export interface PageAssets {
  html: string;
  script: string;
  styles: Record<'app.css' | 'blocks.css', string>;
}

async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [`${WEB}app.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the playground page');
  return output.text;
}

/** Reads a file of web/, or "" when it is not there (the Block Kit styles may come later). */
async function optional(name: string): Promise<string> {
  return readFile(`${WEB}${name}`, 'utf8').catch(() => '');
}

export async function buildPageAssets(): Promise<PageAssets> {
  const [html, script, appCss, blocksCss] = await Promise.all([
    readFile(`${WEB}index.html`, 'utf8'),
    bundleScript(),
    readFile(`${WEB}app.css`, 'utf8'),
    optional('blocks.css'),
  ]);
  return { html, script, styles: { 'app.css': appCss, 'blocks.css': blocksCss } };
}
