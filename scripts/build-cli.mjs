// Bundles the administrator CLI (src/cli/main.ts) into one ES module, out/cli/patuh-cli.mjs,
// run with plain `node` — no TypeScript compiler at run time, so a command starts at once.
// better-sqlite3 stays external (native addon). exceljs stays external too (the form
// parser's worker thread requires it from disk) and is loaded on first use: requiring it
// costs ~0,4 s, more than the rest of a `units list`, and only Excel commands need it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(root, 'out', 'cli', 'patuh-cli.mjs');

// `import ExcelJS from 'exceljs'` resolves to a stand-in whose properties load the real
// module on first access. Only a default import is offered, so a named import fails the
// build loudly instead of silently loading exceljs at start.
const lazyExceljs = {
  name: 'lazy-exceljs',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.namespace === 'lazy-exceljs' ? { path: 'exceljs', external: true } : { path: 'exceljs', namespace: 'lazy-exceljs' },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-exceljs' }, () => ({
      loader: 'js',
      contents: `import { createRequire } from 'node:module';
let real;
const load = () => (real ??= createRequire(import.meta.url)('exceljs'));
export default new Proxy({}, {
  get: (_target, key) => load()[key],
  has: (_target, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_target, key) => ({ ...Reflect.getOwnPropertyDescriptor(load(), key), configurable: true }),
});`,
    }));
  },
};

export async function buildCli(outfile = CLI_BUNDLE) {
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Native addons (.node binaries) cannot be bundled; they load from node_modules.
    external: ['better-sqlite3', '@resvg/resvg-js'],
    plugins: [lazyExceljs],
    // ESM output still meets CommonJS dependencies that call require().
    banner: { js: "import { createRequire as __patuhRequire } from 'node:module'; const require = __patuhRequire(import.meta.url);" },
    minify: true,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
