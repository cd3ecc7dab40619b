import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { RESOURCES, tempDir } from '../helpers';

/** Bundle a child-process script so each spawn starts in tens of milliseconds. */
export async function bundleChild(entry: string): Promise<string> {
  const out = path.join(tempDir('patuh-child-build-'), `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    // Native modules stay in node_modules: esbuild cannot bundle their .node binaries.
    external: ['better-sqlite3', '@resvg/resvg-js'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  fs.symlinkSync(path.join(RESOURCES, '..', 'node_modules'), path.join(path.dirname(out), 'node_modules'), 'dir');
  return out;
}
