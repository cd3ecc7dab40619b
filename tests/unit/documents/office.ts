/**
 * An office that has filled in Pengaturan: kop, logo, signatories with NIPs, unit heads
 * with NIP and phone — on top of the export tests' seeded year. And LibreOffice helpers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoResourcesDir } from '../../../src/server/paths';
import { tempDir } from '../helpers';
import { seedYear } from '../excel-exports/seed';

export const KABAG = { role: 'kabag' as const, position: 'Kepala Bagian Organisasi', name: 'Drs. Bambang Sutrisno, M.Si.', rank: 'Pembina (IV/a)', nip: '197005121995031002' };
export const SEKDA = { role: 'sekda' as const, position: 'Sekretaris Daerah', name: 'Ir. Hartono, M.T.', rank: 'Pembina Utama Madya (IV/d)', nip: '196804101993021001' };
export const HEAD_NIP = '197203151998032004';

export async function seedOffice() {
  const seeded = await seedYear();
  const { api } = seeded;
  await api['documents:update-settings']({
    address: 'Jl. Merdeka No. 1, Contoh 55511',
    phone: '(0274) 868405',
    email: 'organisasi@contohkab.go.id',
    website: 'www.contohkab.go.id',
    place: 'Contoh',
    signatories: [KABAG, SEKDA],
  });
  await api['documents:set-logo']({ file: path.join(repoResourcesDir(), 'icons', 'icon.png') });
  await api['units:set-head']({ id: seeded.unit.id, headNip: HEAD_NIP, headRank: 'Pembina (IV/a)', headPhone: '0812-3456-7890', headEmail: 'dinsos@contohkab.go.id' });
  return seeded;
}

export const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** Convert with LibreOffice headless; returns the output path. */
export function convert(file: string, to: string): string {
  const out = tempDir('patuh-lo-');
  const profile = tempDir('patuh-lo-profile-');
  execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', out, file], { timeout: 180_000, stdio: 'ignore' });
  const ext = to.split(':')[0]!;
  const produced = fs.readdirSync(out).find((name) => name.endsWith(`.${ext}`));
  if (!produced) throw new Error(`LibreOffice tidak menghasilkan .${ext} dari ${file}`);
  const target = path.join(out, produced);
  if (process.env['PATUH_KEEP_PDF']) fs.copyFileSync(target, path.join(process.env['PATUH_KEEP_PDF'], path.basename(file) + '.' + ext));
  return target;
}

/** Pages of a PDF, counted from its page objects (LibreOffice writes uncompressed page dictionaries). */
export function pdfPages(file: string): number {
  const text = fs.readFileSync(file).toString('latin1');
  const count = text.match(/\/Type\s*\/Page(?![s\w])/gu)?.length ?? 0;
  return count;
}
