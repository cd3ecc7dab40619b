import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES, testApp } from '../helpers';
import { bundleChild } from './bundle';

function run(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
  });
}

describe('two processes on one database', () => {
  it('never lose an update (busy timeout + immediate transactions)', async () => {
    const setup = testApp();
    setup.close();
    const script = await bundleChild(path.join(import.meta.dirname, 'writer-child.ts'));
    await Promise.all([run(script, [setup.dataDir, RESOURCES, 'Unit A', '150']), run(script, [setup.dataDir, RESOURCES, 'Unit B', '150'])]);
    const check = testApp({ dataDir: setup.dataDir });
    expect(check.ctx.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(300);
    expect(check.ctx.db.prepare("SELECT value FROM settings WHERE key = 'internal.counter'").pluck().get()).toBe('300');
  }, 120_000);
});
