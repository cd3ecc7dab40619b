/**
 * Handlers of the instrument workbook channels: export (save dialog or given path),
 * import preview/apply (file dialog, path, or upload from the browser preview), compare.
 */
import path from 'node:path';
import { diffInstruments } from '../../core/instrument/diff';
import type { Handlers } from '../../shared/contract';
import type { ImportSource } from '../../shared/import-types';
import { AppError } from '../../shared/result';
import type { ServerContext } from '../context';
import { exportFileName } from '../excel/cells';
import type { Platform } from '../platform';
import { moveYearToVersion, previewMove } from './move-period-version';
import { exportInstrumentWorkbook } from './instrument-workbook-export';
import { applyInstrumentImport, previewInstrumentImport } from './instrument-workbook-import';
import { getInstrument } from './instruments-service';

type InstrumentHandlers = Pick<
  Handlers,
  'instruments:export' | 'instruments:import-preview' | 'instruments:import-apply' | 'instruments:diff' | 'instruments:move-preview' | 'instruments:move-apply'
>;

async function sourceOf(platform: Platform, input: { file?: string | undefined; upload?: { name: string; data: Uint8Array } | undefined }): Promise<ImportSource | null> {
  if (input.upload) return { name: input.upload.name, data: input.upload.data };
  if (input.file) return input.file;
  const picked = await platform.pickFiles({ title: 'Pilih buku kerja (.xlsx) atau berkas JSON instrumen' });
  return picked?.[0] ?? null;
}

export function createInstrumentHandlers(ctx: ServerContext, platform: Platform): InstrumentHandlers {
  return {
    'instruments:export': async (input) => {
      const instrument = getInstrument(ctx, input);
      const defaultName = exportFileName(`Instrumen ${instrument.shortName} versi ${instrument.version}`, 120);
      const target = input.outFile ?? (await platform.pickSaveFile({ title: 'Simpan templat instrumen', defaultName: `${defaultName}.xlsx`, extensions: ['xlsx'] }));
      if (!target) return null;
      const written = await exportInstrumentWorkbook(instrument.definition, path.resolve(target));
      return { path: written, fileCount: 1, bytes: null, downloadUrl: platform.downloadUrl(written) };
    },
    'instruments:import-preview': async (input) => {
      const source = await sourceOf(platform, input);
      return source ? previewInstrumentImport(ctx, source) : null;
    },
    'instruments:import-apply': async (input) => {
      const source = await sourceOf(platform, input);
      if (!source) throw new AppError('VALIDATION', 'Pilih lagi berkas instrumen yang sama dengan pratinjau.');
      return applyInstrumentImport(ctx, source, input.token);
    },
    'instruments:move-preview': (input) => previewMove(ctx, input),
    'instruments:move-apply': (input) => moveYearToVersion(ctx, input),
    'instruments:diff': (input) => diffInstruments(getInstrument(ctx, { id: input.fromId }).definition, getInstrument(ctx, { id: input.toId }).definition),
  };
}
