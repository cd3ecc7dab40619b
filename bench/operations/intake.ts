/**
 * Collection from units at scale, each against a raw baseline measured in the same run:
 * kits for every unit vs the plain forms; a scan of every kit with new files of realistic
 * sizes vs reading and hashing the same files; a rescan with nothing new (absolute
 * target, thanks to the size+mtime index); and apply vs a raw copy of the same files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getChecklist } from '../../src/server/checklist/checklist-service';
import { exportForm } from '../../src/server/excel/forms';
import type { WorkbookSnapshot } from '../../src/server/excel/forms/snapshot';
import { applyIntake } from '../../src/server/intake/apply';
import { exportKits } from '../../src/server/intake/export-kit';
import type { KitManifest } from '../../src/server/intake/kit-manifest';
import { ScanIndex } from '../../src/server/intake/scan-index';
import { scanIntake } from '../../src/server/intake/scan';
import { silentJob } from '../../src/server/jobs/job';
import type { BenchContext } from '../main';
import {measure, withRatio, type Measurement } from '../measure';
import { judged } from '../targets';

/** Deterministic sizes skewed like real evidence: many small scans, some large PDFs. */
function sizes(count: number): number[] {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => (random() < 0.7 ? 40_000 + Math.floor(random() * 260_000) : 300_000 + Math.floor(random() * 1_200_000)));
}

/** Files dropped into folders of requirements the office has not verified (those would be conflicts). */
function dropFiles(bench: BenchContext, collection: string, unitIds: number[], count: number): string[] {
  const periodId = bench.dataset.latestPeriodId;
  const kitOf = new Map(
    fs.readdirSync(collection).map((name) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(collection, name, 'patuh-kit.json'), 'utf8')) as KitManifest;
      return [manifest.unit.id, { dir: path.join(collection, name), manifest }];
    }),
  );
  const open = new Map(
    unitIds.map((unitId) => {
      const verified = new Set(
        getChecklist(bench.app.ctx, { periodId, unitId })
          .instruments.flatMap((instrument) => instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements)))
          .filter((requirement) => requirement.status === 'terverifikasi')
          .map((requirement) => `${requirement.instrumentId}:${requirement.code}`),
      );
      return [unitId, kitOf.get(unitId)!.manifest.folders.filter((folder) => !verified.has(`${folder.instrumentId}:${folder.requirementCode}`))];
    }),
  );
  return sizes(count).map((size, n) => {
    const unitId = unitIds[n % unitIds.length]!;
    const folders = open.get(unitId)!;
    const target = path.join(kitOf.get(unitId)!.dir, folders[Math.floor(n / unitIds.length) % folders.length]!.path, `Bukti kiriman ${n + 1}.pdf`);
    const data = crypto.randomBytes(size);
    data.write(`%PDF-1.4 kiriman ${n}\n`, 0);
    fs.writeFileSync(target, data);
    return target;
  });
}

export async function intakeOperations(bench: BenchContext): Promise<Measurement[]> {
  const { ctx } = bench.app;
  const periodId = bench.dataset.latestPeriodId;
  const unitIds = bench.dataset.unitIds;
  const files = bench.dataset.size.files;
  const collection = path.join(bench.workDir, 'kiriman');
  const forms = path.join(bench.workDir, 'formulir');
  fs.mkdirSync(forms, { recursive: true });

  const rawForms = await measure(`Baku: formulir isian ${unitIds.length} unit (tanpa F-01, folder, manifest)`, 1, async () => {
    for (const unitId of unitIds) await exportForm(ctx, { periodId, unitId, outFile: path.join(forms, `${unitId}.xlsx`) }, silentJob());
  }, { warmup: false });
  const kits = await measure(`Ekspor kit ${unitIds.length} unit (folder)`, 1, () => exportKits(ctx, { periodId, outDir: collection, zip: false }, silentJob()), { warmup: false });

  const dropped = dropFiles(bench, collection, unitIds, files);
  bench.log(`  ${dropped.length} berkas kiriman ditaruh di ${unitIds.length} kit`);
  const rawHash = await measure(`Baku: baca + SHA-256 ${dropped.length} berkas yang sama`, 1, async () => {
    for (const file of dropped) crypto.createHash('sha256').update(await fs.promises.readFile(file)).digest('hex');
  }, { warmup: false });
  const index = new ScanIndex();
  const snapshots = new Map<string, WorkbookSnapshot | string>();
  const scan = () => scanIntake(ctx, { periodId, from: [collection] }, index, snapshots, silentJob());
  const firstScan = await measure(`Periksa ${unitIds.length} kit, ${dropped.length} berkas baru`, 1, scan, { warmup: false });

  const copyDir = path.join(bench.workDir, 'salinan');
  fs.mkdirSync(copyDir, { recursive: true });
  const rawCopy = await measure(`Baku: salin ${dropped.length} berkas yang sama`, 1, async () => {
    for (const [n, file] of dropped.entries()) await fs.promises.copyFile(file, path.join(copyDir, `${n}.pdf`));
  }, { warmup: false });
  const apply = await measure('Terapkan semua kiriman (cadangan + berkas + transaksi per unit)', 1, () =>
    applyIntake(ctx, { periodId, from: [collection], overwriteConflicts: false, unitIds }, { index, snapshots }, silentJob()),
  { warmup: false });
  const rescan = await measure('Periksa ulang, tidak ada yang baru', 3, scan);
  return [
    rawForms,
    judged(withRatio(kits, rawForms, 'time'), 'intakeKits'),
    rawHash,
    judged(withRatio(firstScan, rawHash, 'time'), 'intakeScan'),
    judged(rescan, 'intakeRescan'),
    rawCopy,
    judged(withRatio(apply, rawCopy, 'throughput'), 'intakeApply'),
  ];
}
