/**
 * CLI for documents: `settings show|set`, `units update U --head … --nip … --phone …`,
 * `export letters --kind … --period P [--unit U …] --out DIR`, `export gap-list`,
 * `reminders --period P [--unit U] [--json]`. Every value goes through the same channels
 * (and zod validation) as the app.
 */
import { percentText } from '../runtime';
import fs from 'node:fs';
import path from 'node:path';
import { formatNip } from '../../core/documents/identity';
import type { Input } from '../../shared/contract';
import { SIGNATORY_ROLES, SIGNED_DOCUMENTS, type SignatoryRole } from '../../shared/documents-types';
import { AppError } from '../../shared/result';
import { writeLetters } from '../../server/documents/letters/write-letters';
import { exportGapList } from '../../server/excel/exports/gap-list';
import { silentJob } from '../../server/jobs/job';
import { flag, flagList, requiredFlag, type ParsedArgs } from '../args';
import { resolvePeriod, resolveUnit } from '../resolve';
import { table, type CliRuntime } from '../runtime';

/** --key → field of settings:update (general) or documents:update-settings (kop). */
const GENERAL_KEYS: Record<string, 'operatorName' | 'localGovernmentName' | 'localGovernmentKind'> = {
  operator: 'operatorName',
  pemda: 'localGovernmentName',
  kind: 'localGovernmentKind',
};
const KOP_KEYS = {
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  place: 'place',
  paper: 'paper',
  'letter-pattern': 'letterPattern',
  secretariat: 'secretariatLine',
  section: 'sectionLine',
} as const;
const SIGNATORY_FIELDS = { name: 'name', nip: 'nip', rank: 'rank', position: 'position' } as const;

const KEYS_HELP = [
  '--operator, --pemda, --kind kabupaten|kota|provinsi',
  `--${Object.keys(KOP_KEYS).join(', --')}`,
  `--<${SIGNATORY_ROLES.join('|')}>-<${Object.keys(SIGNATORY_FIELDS).join('|')}>  (misalnya --kabag-nip 197005121995031002)`,
  `--signer-<${SIGNED_DOCUMENTS.join('|')}> ${SIGNATORY_ROLES.join('|')}`,
  '--logo FILE.png|jpg',
].join('\n  ');

async function showSettings(runtime: CliRuntime): Promise<void> {
  const general = await runtime.call('settings:get', undefined);
  const kop = await runtime.call('documents:settings', undefined);
  runtime.print({ ...general, letterhead: kop }, () =>
    [
      `Pemerintah daerah : ${general.localGovernmentName || '-'} (${general.localGovernmentKind})`,
      `Operator          : ${general.operatorName || '-'}`,
      `Kop               : ${kop.governmentTitle} / ${kop.secretariatLine} / ${kop.sectionLine}`,
      `Alamat            : ${kop.address || '-'}`,
      `Kontak            : ${[kop.phone, kop.email, kop.website].filter(Boolean).join(' · ') || '-'}`,
      `Tempat            : ${kop.place || '-'}`,
      `Kertas            : ${kop.paper}`,
      `Pola nomor surat  : ${kop.letterPattern}`,
      `Logo              : ${kop.logo ? `${kop.logo.fileName} (${kop.logo.width}×${kop.logo.height})` : '-'}`,
      '',
      table(
        ['Peran', 'Jabatan', 'Nama', 'Pangkat/golongan', 'NIP'],
        kop.signatories.map((item) => [item.role, item.position, item.name || '-', item.rank || '-', item.nip ? formatNip(item.nip) : '-']),
      ),
      '',
      `Penandatangan: ${SIGNED_DOCUMENTS.map((document) => `${document}=${kop.signers[document]}`).join(', ')}`,
      ...(kop.missing.length > 0 ? ['', `Belum lengkap: ${kop.missing.join('; ')}`] : []),
    ].join('\n'),
  );
}

async function setSettings(runtime: CliRuntime, args: ParsedArgs): Promise<void> {
  const general: Record<string, string> = {};
  const kop: Record<string, unknown> = {};
  const signatories = new Map<SignatoryRole, Record<string, string>>();
  const signers: Record<string, string> = {};
  let logo: string | undefined;
  const unknown: string[] = [];
  for (const [key, values] of args.flags) {
    if (key === 'data-dir') continue;
    const value = values[0] ?? '';
    const signatory = /^(kabag|sekda)-(name|nip|rank|position)$/u.exec(key);
    if (key in GENERAL_KEYS) general[GENERAL_KEYS[key]!] = value;
    else if (key in KOP_KEYS) kop[KOP_KEYS[key as keyof typeof KOP_KEYS]] = value;
    else if (signatory) signatories.set(signatory[1] as SignatoryRole, { ...(signatories.get(signatory[1] as SignatoryRole) ?? {}), [signatory[2]!]: value });
    else if (key.startsWith('signer-') && (SIGNED_DOCUMENTS as readonly string[]).includes(key.slice(7))) signers[key.slice(7)] = value;
    else if (key === 'logo') logo = path.resolve(value);
    else unknown.push(`--${key}`);
  }
  if (unknown.length > 0) throw new AppError('VALIDATION', `Opsi tidak dikenal: ${unknown.join(', ')}. Yang dapat diatur:\n  ${KEYS_HELP}`);
  if (Object.keys(general).length + Object.keys(kop).length + signatories.size + Object.keys(signers).length === 0 && !logo) {
    throw new AppError('VALIDATION', `Sebutkan minimal satu pengaturan:\n  ${KEYS_HELP}`);
  }
  if (Object.keys(general).length > 0) await runtime.call('settings:update', general as Input<'settings:update'>);
  const update = {
    ...kop,
    ...(signatories.size > 0 ? { signatories: [...signatories].map(([role, fields]) => ({ role, ...fields })) } : {}),
    ...(Object.keys(signers).length > 0 ? { signers } : {}),
  };
  if (Object.keys(update).length > 0) await runtime.call('documents:update-settings', update as Input<'documents:update-settings'>);
  if (logo) await runtime.call('documents:set-logo', { file: logo });
  await showSettings(runtime);
}

export async function settingsCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action === 'show') return showSettings(runtime);
  if (action === 'set') return setSettings(runtime, args);
  throw new AppError('VALIDATION', `Perintah settings: show | set --KUNCI NILAI …\n  ${KEYS_HELP}`);
}

/** `units update U --head … --nip … --phone … [--rank …] [--email …]`. */
export async function unitHeadCommand(runtime: CliRuntime, args: ParsedArgs): Promise<void> {
  const target = args.positionals[0] ?? flag(args, 'unit');
  if (!target) throw new AppError('VALIDATION', 'Perintah units update: units update UNIT --head NAMA --nip NIP --phone HP [--rank PANGKAT] [--email EMAIL].');
  const fields = { headName: flag(args, 'head'), headNip: flag(args, 'nip'), headPhone: flag(args, 'phone'), headRank: flag(args, 'rank'), headEmail: flag(args, 'email') };
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length === 0) throw new AppError('VALIDATION', 'Sebutkan minimal satu dari --head, --nip, --phone, --rank, --email.');
  const unit = await runtime.call('units:set-head', { id: resolveUnit(runtime, target), ...given });
  runtime.print(unit, () =>
    `Unit "${unit.name}": kepala ${unit.headName ?? '-'}, NIP ${unit.headNip ? formatNip(unit.headNip) : '-'}, HP ${unit.headPhone ?? '-'}, e-mail ${unit.headEmail ?? '-'}.`,
  );
}

const job = () => silentJob(process.stderr.isTTY ? (fraction, message) => process.stderr.write(`\r${Math.round(fraction * 100)}% ${message}`.padEnd(70)) : undefined);

/** `export letters --kind nota-dinas|berita-acara|laporan --period P [--unit U …] --out DIR`. */
export async function lettersCommand(runtime: CliRuntime, periodId: number, out: string, args: ParsedArgs): Promise<{ path: string }> {
  const kind = requiredFlag(args, 'kind');
  if (kind !== 'nota-dinas' && kind !== 'berita-acara' && kind !== 'laporan') throw new AppError('VALIDATION', `--kind harus nota-dinas, berita-acara atau laporan, bukan "${kind}".`);
  const units = flagList(args, 'unit').map((value) => resolveUnit(runtime, value));
  fs.mkdirSync(out, { recursive: true });
  const replyBy = flag(args, 'reply-by');
  const done = await writeLetters(runtime.ctx, { periodId, kind, outDir: out, ...(units.length > 0 ? { unitIds: units } : {}), ...(replyBy ? { replyBy } : {}) }, job());
  if (process.stderr.isTTY) process.stderr.write('\n');
  runtime.print(done, () => [`${done.files.length} berkas di ${done.path}:`, ...done.files.map((file) => `  ${path.basename(file)}`), ...done.numbers.map((item) => `  Nomor ${item.nomor} — ${item.unitName}`)].join('\n'));
  return { path: done.path };
}

export async function gapListCommand(runtime: CliRuntime, periodId: number, out: string): Promise<{ path: string }> {
  return exportGapList(runtime.ctx, { periodId, outFile: out }, job());
}

export async function remindersCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  if (action) args.positionals.unshift(action);
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const unit = flag(args, 'unit');
  const list = await runtime.call('reminders:list', { periodId, ...(unit ? { unitId: resolveUnit(runtime, unit) } : {}) });
  runtime.print(list, () =>
    list.length === 0
      ? 'Tidak ada unit yang masih memiliki kekurangan.'
      : list.map((item) => [`== ${item.unitName} (${percentText(item.percentVerified)} terverifikasi)${item.whatsappUrl ? `\n${item.whatsappUrl.slice(0, 40)}…` : ' — belum ada nomor HP kepala unit'}`, item.message].join('\n')).join('\n\n'),
  );
}
