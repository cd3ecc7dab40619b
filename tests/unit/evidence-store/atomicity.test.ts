import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestBuffer, ingestFile, sweepTempFiles } from '../../../src/server/evidence/store';
import { expectAppError, files, randomVideo, sha256, tempRoot, writeSource } from './support';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const childScript = path.join(here, 'fixtures', 'ingest-child.ts');
const MiB = 1024 * 1024;

/** Runs the child until it reports being mid-copy, then SIGKILLs it. */
function killMidCopy(dataDir: string, source: string, pauseAfter: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, source, String(pauseAfter)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!killed && stdout.includes('MID')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(stdout);
      else reject(new Error(`child ended without being killed mid-copy (code ${code}, ${signal}): ${stdout}\n${stderr}`));
    });
  });
}

describe('atomicity', () => {
  it('a copy killed mid-way leaves only a .part, which sweepTempFiles removes', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = randomVideo(60 * MiB);
    const source = writeSource(path.join(root, 'src'), 'rekaman.mp4', data);
    const expected = sha256(data);

    const stdout = await killMidCopy(dataDir, source, 16 * MiB);
    expect(stdout).not.toContain('DONE');

    const leftovers = files(path.join(dataDir, 'evidence'));
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.tmp\/[0-9a-f]{32}\.part$/);
    const partSize = fs.statSync(path.join(dataDir, 'evidence', leftovers[0]!)).size;
    expect(partSize).toBeGreaterThanOrEqual(16 * MiB);
    expect(partSize).toBeLessThan(data.length);
    expect(fs.existsSync(path.join(dataDir, 'evidence', expected.slice(0, 2)))).toBe(false);

    expect(await sweepTempFiles(dataDir)).toBe(1);
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
    expect(await sweepTempFiles(dataDir)).toBe(0);

    // After the crash, the same file ingests normally.
    const result = await ingestFile(dataDir, source);
    expect(result).toMatchObject({ sha256: expected, size: data.length, reused: false });
    expect(sha256(fs.readFileSync(path.join(dataDir, result.storedPath)))).toBe(expected);
  }, 60_000);

  it('an AbortSignal cancels the copy and leaves nothing behind', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const source = writeSource(path.join(root, 'src'), 'besar.mp4', randomVideo(5 * MiB));
    const controller = new AbortController();
    await expectAppError(
      ingestFile(dataDir, source, { signal: controller.signal, onProgress: () => controller.abort() }),
      'CANCELLED',
      'Penyalinan berkas "besar.mp4" dibatalkan. Tidak ada yang tersimpan; lampirkan lagi bila diperlukan.',
    );
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('an already-aborted signal writes nothing at all', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const controller = new AbortController();
    controller.abort();
    await expectAppError(ingestBuffer(dataDir, randomVideo(1024), 'a.mp4', { signal: controller.signal }), 'CANCELLED');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('sweepTempFiles only touches .part files and tolerates a missing folder', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    expect(await sweepTempFiles(dataDir)).toBe(0);
    const tmp = path.join(dataDir, 'evidence', '.tmp');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'a.part'), 'x');
    fs.writeFileSync(path.join(tmp, 'b.part'), 'y');
    fs.writeFileSync(path.join(tmp, 'catatan.txt'), 'bukan sisa salinan');
    expect(await sweepTempFiles(dataDir, { minAgeMs: 60_000 })).toBe(0); // too fresh: maybe in progress
    expect(await sweepTempFiles(dataDir)).toBe(2);
    expect(fs.readdirSync(tmp)).toEqual(['catatan.txt']);
  });
});
