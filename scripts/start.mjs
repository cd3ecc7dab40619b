// `npm start`: build, then run the real Electron app. Where the Electron binary cannot be
// obtained (offline machines, CI) it says so and opens the same UI through the browser
// preview host instead, so the command always leaves the user with a working app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (command, args, options = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...options });

if (run(npx, ['electron-vite', 'build']).status !== 0) process.exit(1);

function electronBinary() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  // The download's own error trace is noise for users; the fallback below explains what happens.
  const install = run(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] });
  if (install.status !== 0) return null;
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

const wantPreview = process.argv.includes('--preview') || process.env.PATUH_PREVIEW === '1';
const binary = wantPreview ? null : electronBinary();
const native = binary ? run(process.execPath, [path.join(root, 'scripts', 'build-native-electron.mjs')]).status === 0 : false;

if (binary && native) {
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!wantPreview) {
    console.warn('\nElectron tidak dapat dijalankan di mesin ini (biner Electron atau modul aslinya tidak tersedia).');
    console.warn('Patuh dibuka dalam mode pratinjau peramban — tampilan dan data sama dengan aplikasi desktop.\n');
  }
  const child = spawn(npx, ['tsx', 'src/preview/main.ts', ...process.argv.slice(2).filter((arg) => arg !== '--preview')], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
