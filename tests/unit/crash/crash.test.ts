/**
 * Kill a writer at random moments, ≥ 200 times (PATUH_CRASH_ITERATIONS overrides; the
 * benchmark runs 1,000): after every reopen the database is intact, every acknowledged
 * write is there, and no row points at a missing or partial evidence file.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES, testApp, testHandlers } from '../helpers';
import { bundleChild } from './bundle';

const ITERATIONS = Number(process.env['PATUH_CRASH_ITERATIONS'] ?? 200);
let childScript = '';

beforeAll(async () => {
  childScript = await bundleChild(path.join(import.meta.dirname, 'crash-child.ts'));
}, 60_000);

interface Ack {
  op: 'note' | 'upload' | 'batch';
  key?: string;
  unitId?: number;
  evidenceId?: number;
  n: number;
}

function runAndKill(dataDir: string, seed: number, env: Record<string, string>): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, RESOURCES, String(seed)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 5 + (seed % 60));
        else if (line) acks.push(JSON.parse(line) as Ack);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child ended without kill: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it(`survives ${ITERATIONS} SIGKILLs during mixed writes without losing acknowledged data`, async () => {
    const setup = testApp();
    const api = testHandlers(setup);
    const instruments = await api['instruments:list'](undefined);
    const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
    const { created } = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Kesehatan'] });
    const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: created.map((u) => u.id) });
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: created[0]!.id });
    const codes = checklist.instruments[0]!.aspects[0]!.indicators.flatMap((indicator) => indicator.requirements.map((r) => r.code)).slice(0, 6);
    const targets = created.flatMap((unit) => codes.map((code) => ({ periodId: period.id, unitId: unit.id, instrumentId: pekppp.id, requirementCode: code })));
    setup.close();

    const lastNote = new Map<string, number>();
    const uploaded = new Set<number>();
    let counter = 0;
    let acknowledged = 0;
    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const acks = await runAndKill(setup.dataDir, iteration * 7919 + 13, {
        PATUH_CRASH_TARGETS: JSON.stringify(targets),
        PATUH_CRASH_COUNTER: String(counter),
      });
      for (const ack of acks) {
        counter = Math.max(counter, ack.n);
        if (ack.op === 'note') lastNote.set(`${ack.unitId}:${ack.key}`, ack.n);
        if (ack.op === 'upload') uploaded.add(ack.evidenceId!);
      }
      acknowledged += acks.length;
      counter += 1000; // values written after the last ack may have committed; never reuse them
      const db = new Database(path.join(setup.dataDir, 'patuh.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        for (const [key, n] of lastNote) {
          const [unitId, code] = key.split(':') as [string, string];
          const note = db.prepare('SELECT note FROM checklist_items WHERE unit_id = ? AND requirement_code = ?').pluck().get(Number(unitId), code) as string;
          expect(Number(note.replace('catatan ', '')), key).toBeGreaterThanOrEqual(n);
        }
        const evidenceIds = new Set(db.prepare('SELECT id FROM evidence').pluck().all() as number[]);
        for (const id of uploaded) expect(evidenceIds.has(id), `evidence ${id}`).toBe(true);
        if (iteration % 20 === 0 || iteration === ITERATIONS - 1) {
          for (const blob of db.prepare('SELECT sha256, size, stored_path FROM blobs').all() as Array<{ sha256: string; size: number; stored_path: string }>) {
            const content = fs.readFileSync(path.join(setup.dataDir, blob.stored_path));
            expect(content.length).toBe(blob.size);
            expect(crypto.createHash('sha256').update(content).digest('hex')).toBe(blob.sha256);
          }
        }
      } finally {
        db.close();
      }
    }
    expect(acknowledged).toBeGreaterThan(ITERATIONS / 2);
  }, 600_000);
});
