/**
 * What a unit's kit contains, planned from its checklist before anything is written:
 * one folder per requirement (readable, Windows-safe, within the path limits), the
 * workbook's name and the guide text.
 */
import { firstFitting, kitFolderName, requirementFolder, shortCode, withinLimits } from '../../core/intake/kit-paths';
import type { Checklist } from '../../shared/types';
import type { KitManifest } from './kit-manifest';

export type PlannedFolder = KitManifest['folders'][number];

export function planFolders(checklist: Checklist): PlannedFolder[] {
  const folders: PlannedFolder[] = [];
  const taken = new Set<string>();
  for (const instrument of checklist.instruments) {
    for (const aspect of instrument.aspects) {
      for (const indicator of aspect.indicators) {
        indicator.requirements.forEach((requirement, index) => {
          let folder = requirementFolder({ instrumentFolder: instrument.shortName, code: shortCode(instrument.family, indicator.number, index), title: requirement.text });
          // Two instruments with the same short name would collide; the code makes it unique again.
          for (let n = 2; taken.has(folder.toLowerCase()); n += 1) folder = `${folder.slice(0, 55)} ${n}`;
          if (!withinLimits(folder)) throw new Error(`planned kit folder exceeds limits: ${folder}`);
          taken.add(folder.toLowerCase());
          folders.push({ path: folder, instrumentId: instrument.instrumentId, requirementCode: requirement.code, title: requirement.text });
        });
      }
    }
  }
  return folders;
}

export const kitDirName = (checklist: Checklist): string => kitFolderName(checklist.year, checklist.unit.name, checklist.unit.shortName);

export function workbookName(checklist: Checklist): string {
  const { year, unit } = checklist;
  const wanted = [`Formulir isian ${year} - ${unit.name}`, `Isian ${year} - ${unit.name}`, ...(unit.shortName ? [`Formulir isian ${year} - ${unit.shortName}`] : [])];
  return `${firstFitting(wanted, 55)}.xlsx`;
}

/** Lines of PETUNJUK.txt (CRLF when written, so Windows Notepad shows the breaks). */
export function guideLines(checklist: Checklist, workbook: string, deadline: string | null): string[] {
  return [
    `KIT ISIAN DATA DUKUNG ${checklist.year}`,
    `Unit: ${checklist.unit.name}`,
    deadline ? `Batas pengiriman: ${deadline.split('-').reverse().join('-')}` : 'Batas pengiriman: tanyakan ke Bagian Organisasi',
    '',
    'Cara mengisi:',
    `1. Buka "${workbook}". Isi lembar "Isian" (status, tautan, tanggal, catatan) dan lembar "Penilaian Mandiri" (tingkat 0-5, unsur, penjelasan). Tulis nama pengisi di bagian atas lembar Penilaian Mandiri.`,
    '2. Simpan berkas bukti (PDF, foto, dokumen Word/Excel, video) ke folder persyaratan yang sesuai. Nama folder diawali kode, misalnya "P01.2". Satu berkas boleh disimpan di beberapa folder bila dipakai untuk beberapa persyaratan.',
    '3. Jangan mengganti nama atau menghapus folder, buku kerja, dan berkas patuh-kit.json. Berkas di luar folder persyaratan tidak akan masuk sampai Bagian Organisasi memilihkan persyaratannya.',
    '4. Berkas program (.exe, .bat, dan sejenisnya) serta berkas lebih dari 200 MB ditolak.',
    '5. Bila kit ini ada di folder bersama (Google Drive, OneDrive, folder jaringan), cukup simpan; Bagian Organisasi akan memeriksanya. Bila tidak, kompres seluruh folder kit menjadi .zip lalu kirimkan.',
    '6. Status "Terverifikasi" hanya diberikan Bagian Organisasi setelah memeriksa bukti.',
  ];
}

export { kitFolderName };
