// Builds better-sqlite3 for Electron's ABI into .native/electron/better_sqlite3.node,
// leaving node_modules/better-sqlite3 (the Node build used by tests, CLI and preview)
// untouched. The Electron main process loads this file through better-sqlite3's
// `nativeBinding` option; the installer ships it as an extra resource.
// Needs the Electron headers (downloaded by node-gyp from electronjs.org) and a C++ toolchain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const arch = process.env.npm_config_arch ?? process.arch;
const outDir = path.join(root, '.native', 'electron');
const stamp = path.join(outDir, 'build.json');
const wanted = { electronVersion, sqliteVersion, arch, platform: process.platform };

if (fs.existsSync(stamp) && JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(wanted)) {
  console.log(`better-sqlite3 untuk Electron ${electronVersion} sudah ada.`);
  process.exit(0);
}

const work = path.join(root, '.native', 'work', 'better-sqlite3');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, {
  recursive: true,
  filter: (source) => !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`),
});
console.log(`Membangun better-sqlite3 ${sqliteVersion} untuk Electron ${electronVersion} (${arch})…`);
const result = spawnSync(
  process.execPath,
  [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error('Gagal membangun better-sqlite3 untuk Electron. Periksa koneksi (header Electron) dan kompiler C++.');
  process.exit(result.status ?? 1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
fs.writeFileSync(stamp, JSON.stringify(wanted));
fs.rmSync(path.join(root, '.native', 'work'), { recursive: true, force: true });
console.log(`Selesai: ${path.relative(root, path.join(outDir, 'better_sqlite3.node'))}`);
