/** Handlers of the documents channels, spread into the one handler table. Thin: validate, call, return. */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { documentsChannels } from '../../shared/channels/documents';
import type { ServerContext } from '../context';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform } from '../platform';
import { exportFileName } from '../excel/cells';
import { exportGapList } from '../excel/exports/gap-list';
import { getPeriod } from '../periods/periods-service';
import { getSettings } from '../settings/settings-service';
import { writeLetters } from './letters/write-letters';
import { reminders } from './reminders';
import { getLetterheadSettings, removeLogo, setLogo, updateLetterheadSettings } from './settings';
import { setUnitHead } from './unit-head';

type DocumentsHandlers = Pick<Handlers, keyof typeof documentsChannels>;

export interface DocumentsDeps {
  ctx: ServerContext;
  jobs: JobRunner;
  platform: Platform;
}

const LETTER_FOLDER = { 'nota-dinas': 'Nota Dinas', 'berita-acara': 'Berita Acara', laporan: 'Laporan' } as const;

export function createDocumentsHandlers({ ctx, jobs, platform }: DocumentsDeps): DocumentsHandlers {
  return {
    'documents:settings': () => getLetterheadSettings(ctx),
    'documents:update-settings': (input) => updateLetterheadSettings(ctx, input),
    'documents:set-logo': async (input) => {
      if (input.upload) return setLogo(ctx, { data: input.upload.data });
      const file = input.file ?? (await platform.pickFiles({ title: 'Pilih logo pemerintah daerah (PNG atau JPG)' }))?.[0];
      return file ? setLogo(ctx, { file }) : null;
    },
    'documents:remove-logo': () => removeLogo(ctx),
    'units:set-head': (input) => setUnitHead(ctx, input),
    'reminders:list': (input) => reminders(ctx, input),
    'export:gap-list': async (input) => {
      const year = getPeriod(ctx, { id: input.periodId }).year;
      const name = exportFileName(`Daftar kekurangan ${year} - ${getSettings(ctx).localGovernmentName || 'Pemerintah Daerah'}`, 120);
      const outFile = input.outFile ?? (await platform.pickSaveFile({ title: 'Simpan daftar kekurangan', defaultName: `${name}.xlsx`, extensions: ['xlsx'] }));
      if (!outFile) return null;
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      return jobs.start('daftar-kekurangan', async (job) => {
        const done = await exportGapList(ctx, { periodId: input.periodId, outFile }, job);
        return { path: done.path, fileCount: 1, bytes: null, downloadUrl: platform.downloadUrl(done.path) };
      });
    },
    'export:letters': async (input) => {
      const outDir = input.outDir ?? (await platform.pickFolder({ title: `Pilih folder untuk ${LETTER_FOLDER[input.kind]}` }));
      if (!outDir) return null;
      fs.mkdirSync(outDir, { recursive: true });
      return jobs.start('surat', async (job) => {
        const done = await writeLetters(ctx, { periodId: input.periodId, kind: input.kind, unitIds: input.unitIds, replyBy: input.replyBy, outDir }, job);
        const combined = done.files[done.files.length - 1] ?? null;
        return { ...done, fileCount: done.files.length, bytes: null, downloadUrl: combined ? platform.downloadUrl(combined) : null, files: done.files.map((file) => platform.downloadUrl(file)) };
      });
    },
  };
}
