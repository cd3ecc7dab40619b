import { EVIDENCE_STATUS_LABELS } from '../../core/checklist/types';
import { percentText } from '../runtime';
import { AppError } from '../../shared/result';
import type { Checklist, ChecklistRequirement, SharedFile } from '../../shared/types';
import { checklistRepo } from '../../server/checklist/checklist-service';
import { attachFromPaths } from '../../server/evidence/evidence-service';
import { verifyBlobs } from '../../server/evidence/store';
import { flag, requiredFlag, type ParsedArgs } from '../args';
import { itemFlags, resolvePeriod, resolveUnit } from '../resolve';
import type { CliRuntime } from '../runtime';

export async function evidenceCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  switch (action) {
    case 'attach': {
      if (args.positionals.length === 0) throw new AppError('VALIDATION', 'Sebutkan minimal satu berkas: evidence attach … FILE….');
      const key = itemFlags(runtime, args);
      const report = await attachFromPaths(runtime.ctx, key, args.positionals, flag(args, 'document-date') ?? null);
      runtime.print(report, () =>
        [
          `${report.attached.length} berkas dilampirkan${report.reused ? ` (${report.reused} sudah ada, dipakai ulang)` : ''}.`,
          ...report.rejected.map((rejected) => `Ditolak: ${rejected.name} — ${rejected.message}`),
        ].join('\n'),
      );
      if (report.attached.length === 0 && report.rejected.length > 0) throw new AppError('FILE_REJECTED', 'Tidak ada berkas yang dilampirkan.');
      return;
    }
    case 'link': {
      const url = args.positionals[0];
      if (!url) throw new AppError('VALIDATION', 'Sebutkan tautannya: evidence link … URL.');
      const key = itemFlags(runtime, args);
      const title = flag(args, 'title');
      const evidence = await runtime.call('evidence:link', { ...key, url, ...(title ? { title } : {}) });
      runtime.print(evidence, () => `Tautan dilampirkan dengan ID ${evidence.id}.`);
      return;
    }
    case 'status': {
      const key = itemFlags(runtime, args);
      const status = requiredFlag(args, 'set');
      const reason = flag(args, 'reason');
      const updated = await runtime.call('checklist:set-status', { ...key, status: status as never, ...(reason ? { reason } : {}) });
      runtime.print(updated, () => `Status "${updated.text}": ${EVIDENCE_STATUS_LABELS[updated.status]}.`);
      return;
    }
    case 'shared': {
      const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
      const files = await runtime.call('evidence:shared-files', { periodId });
      runtime.print(files, () => renderShared(files));
      return;
    }
    case 'verify-store': {
      const blobs = checklistRepo(runtime.ctx)
        .allBlobs.all()
        .map((blob) => ({ sha256: blob.sha256, size: blob.size, storedPath: blob.stored_path }));
      const report = await verifyBlobs(runtime.ctx.dataDir, blobs);
      runtime.print(report, () =>
        [
          `${report.ok.length} berkas utuh, ${report.missing.length} hilang, ${report.altered.length} berubah.`,
          ...report.missing.map((entry) => `Hilang: ${JSON.stringify(entry)}`),
          ...report.altered.map((entry) => `Berubah: ${JSON.stringify(entry)}`),
        ].join('\n'),
      );
      if (report.missing.length + report.altered.length > 0) {
        throw new AppError('IO', 'Penyimpanan bukti tidak utuh. Pulihkan dari cadangan atau lampirkan ulang berkas yang rusak.');
      }
      return;
    }
    default:
      throw new AppError('VALIDATION', 'Perintah evidence: attach | link | status | shared | verify-store.');
  }
}

function renderShared(files: SharedFile[]): string {
  if (files.length === 0) return 'Tidak ada berkas yang sama di lebih dari satu unit.';
  const lines = [`${files.length} berkas dipakai di lebih dari satu unit (tetap diizinkan; periksa asal berkasnya):`];
  for (const file of files) {
    lines.push(`\n${file.title} (${file.originalName ?? '-'}, SHA-256 ${file.sha256.slice(0, 12)}…)`);
    for (const unit of file.units) lines.push(`  ${unit.unitName}: ${unit.requirements.map((entry) => entry.code).join(', ')}`);
  }
  return lines.join('\n');
}

function flagsOf(requirement: ChecklistRequirement): string {
  const flags = [requirement.expired ? 'KEDALUWARSA' : '', requirement.sharedWith.length > 0 ? `sama dengan ${requirement.sharedWith.join(', ')}` : ''].filter(Boolean);
  return flags.length > 0 ? ` — ${flags.join('; ')}` : '';
}

function renderChecklist(checklist: Checklist): string {
  const lines = [`${checklist.unit.name} — tahun ${checklist.year}: ${percentText(checklist.progress.percentVerified)} terverifikasi`];
  for (const instrument of checklist.instruments) {
    lines.push(`\n${instrument.shortName} (${percentText(instrument.progress.percentVerified)} terverifikasi)`);
    for (const aspect of instrument.aspects) {
      lines.push(`  ${aspect.name}`);
      for (const indicator of aspect.indicators) {
        for (const requirement of indicator.requirements) {
          lines.push(`    [${EVIDENCE_STATUS_LABELS[requirement.status]}] ${requirement.code} ${requirement.text} (${requirement.evidence.length} bukti)${flagsOf(requirement)}`);
        }
      }
    }
  }
  return lines.join('\n');
}

export async function checklistCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action !== 'show') throw new AppError('VALIDATION', 'Perintah checklist: show --unit … --period ….');
  const checklist = await runtime.call('checklist:get', {
    periodId: resolvePeriod(runtime, requiredFlag(args, 'period')),
    unitId: resolveUnit(runtime, requiredFlag(args, 'unit')),
  });
  runtime.print(checklist, () => renderChecklist(checklist));
}
