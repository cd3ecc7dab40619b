/**
 * One click: the finished SKM report (.docx) becomes evidence of the PEKPPP SKM
 * indicators and the Ombudsman SKM/IKM requirements of that unit and year. The targets are
 * data (evidenceTargets in the SKM scheme). The evidence service does the work, so the
 * file lands in the store once and each requirement enters "menunggu verifikasi" (the
 * office verifies it as for any other evidence).
 */
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { SkmAttachResult } from '../../shared/skm-types';
import { effectiveRequirements } from '../checklist/requirements';
import { requireScope } from '../checklist/checklist-service';
import { attachExisting, uploadEvidence } from '../evidence/evidence-service';
import { getInstrument } from '../instruments/instruments-service';
import { getPeriod } from '../periods/periods-service';
import type { ServerContext } from '../context';
import { buildSkmReport } from './report-service';
import { skmScheme } from './scheme-store';

interface Target {
  instrumentId: number;
  instrumentName: string;
  requirementCode: string;
  text: string;
}

function targetsOf(ctx: ServerContext, periodId: number): { targets: Target[]; skipped: SkmAttachResult['skipped'] } {
  const period = getPeriod(ctx, { id: periodId });
  const targets: Target[] = [];
  const skipped: SkmAttachResult['skipped'] = [];
  for (const wanted of skmScheme(ctx).evidenceTargets) {
    const instruments = period.instruments.filter((instrument) => instrument.family === wanted.family);
    if (instruments.length === 0) {
      for (const code of wanted.requirementCodes) skipped.push({ requirementCode: code, reason: `Tahun ${period.year} tidak memakai instrumen ${wanted.family === 'pekppp' ? 'PEKPPP' : 'Ombudsman'}.` });
      continue;
    }
    for (const code of wanted.requirementCodes) {
      const found = instruments
        .map((instrument) => {
          const definition = getInstrument(ctx, { id: instrument.id }).definition;
          const requirement = [...effectiveRequirements(ctx, periodId, instrument.id, definition).byIndicator.values()].flat().find((item) => item.code === code);
          return requirement ? { instrumentId: instrument.id, instrumentName: instrument.shortName, requirementCode: code, text: requirement.text } : null;
        })
        .find((item) => item !== null);
      if (found) targets.push(found);
      else skipped.push({ requirementCode: code, reason: 'Persyaratan ini tidak ada (atau disembunyikan) pada instrumen tahun ini.' });
    }
  }
  return { targets, skipped };
}

export async function attachSkmEvidence(ctx: ServerContext, input: ParsedInput<'skm:attach-evidence'>): Promise<SkmAttachResult> {
  requireScope(ctx, input.periodId, input.unitId);
  const built = await buildSkmReport(ctx, input);
  if (!built.complete) {
    throw new AppError('VALIDATION', 'Laporan SKM belum selesai: IKM unit belum dapat dihitung (ada unsur tanpa jawaban atau belum ada responden). Lengkapi jawaban dulu, lalu lampirkan.');
  }
  const { targets, skipped } = targetsOf(ctx, input.periodId);
  if (targets.length === 0) throw new AppError('VALIDATION', 'Tidak ada persyaratan SKM pada instrumen tahun penilaian ini; tidak ada yang dilampirkan.', { details: skipped.map((item) => `${item.requirementCode}: ${item.reason}`) });
  const fileName = `${built.baseName}.docx`;
  const key = (target: Target) => ({ periodId: input.periodId, unitId: input.unitId, instrumentId: target.instrumentId, requirementCode: target.requirementCode });
  const [first, ...rest] = targets;
  const report = await uploadEvidence(ctx, { ...key(first!), files: [{ name: fileName, data: new Uint8Array(built.docx) }], documentDate: ctx.now().toISOString().slice(0, 10) });
  const evidence = report.attached[0];
  if (!evidence) throw new AppError('IO', report.rejected[0]?.message ?? 'Laporan SKM tidak dapat disimpan sebagai bukti; coba lagi.');
  // The remaining links in one transaction: all of them, or none.
  ctx.db.transaction(() => rest.forEach((target) => attachExisting(ctx, { ...key(target), evidenceId: evidence.id }))).immediate();
  return { fileName, attached: targets.map(({ instrumentName, requirementCode, text }) => ({ instrumentName, requirementCode, text })), skipped };
}
