/**
 * Kop and signatories as settings rows (`letterhead.*` keys of the settings table): one
 * place every writer reads them from. Unset keys fall back to sensible defaults so an
 * office that has filled in nothing still gets a complete, honest document.
 */
import fs from 'node:fs';
import type { z } from 'zod';
import { governmentTitle, SECRETARIAT_LINE, sectionLine } from '../../core/documents/kop';
import { DEFAULT_LETTER_PATTERN } from '../../core/documents/letter-number';

import type { letterheadUpdateSchema } from '../../shared/channels/documents';
import {
  SIGNATORY_ROLE_LABELS,
  SIGNATORY_ROLES,
  SIGNED_DOCUMENTS,
  type LetterheadSettings,
  type Signatory,
  type SignatoryRole,
  type SignedDocument,
} from '../../shared/documents-types';
import { AppError } from '../../shared/result';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { getSettings } from '../settings/settings-service';
import { inspectLogo, logoPath, readLogo, removeLogoFile, storeLogo } from './logo';

const PREFIX = 'letterhead.';

function letterheadRepository(db: Db) {
  const all = db.prepare<[string], { key: string; value: string }>("SELECT key, value FROM settings WHERE key GLOB ? || '*'");
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    read: (): Map<string, string> => new Map(all.all(PREFIX).map((row) => [row.key.slice(PREFIX.length), row.value])),
    write: (key: string, value: string) => void upsert.run(PREFIX + key, value),
  };
}

const repo = (ctx: ServerContext) => memoFor(ctx.db, letterheadRepository);

/** Who signs what unless the office chooses otherwise: the Sekda signs the report to the Bupati. */
const DEFAULT_SIGNERS: Record<SignedDocument, SignatoryRole> = {
  recap: 'kabag',
  'unit-package': 'kabag',
  'gap-report': 'kabag',
  form: 'kabag',
  'nota-dinas': 'kabag',
  'berita-acara': 'kabag',
  laporan: 'sekda',
};

type Update = z.output<typeof letterheadUpdateSchema>;

function parseLogo(value: string | undefined): LetterheadSettings['logo'] {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { fileName?: unknown; width?: unknown; height?: unknown };
    if (typeof parsed.fileName === 'string' && typeof parsed.width === 'number' && typeof parsed.height === 'number') {
      return { fileName: parsed.fileName, width: parsed.width, height: parsed.height };
    }
  } catch {
    // A damaged row means no logo, never a failing export.
  }
  return null;
}

function presentLogo(ctx: ServerContext, logo: LetterheadSettings['logo']): LetterheadSettings['logo'] {
  return logo && fs.existsSync(logoPath(ctx.dataDir, logo.fileName)) ? logo : null;
}

function signatoryOf(stored: Map<string, string>, role: SignatoryRole): Signatory {
  const get = (field: string) => stored.get(`signatory.${role}.${field}`) ?? '';
  return { role, position: get('position') || SIGNATORY_ROLE_LABELS[role], name: get('name'), rank: get('rank'), nip: get('nip') };
}

function missingOf(settings: Omit<LetterheadSettings, 'missing'>, pemdaName: string): string[] {
  const missing: string[] = [];
  if (!pemdaName.trim()) missing.push('Nama pemerintah daerah (Pengaturan › Umum)');
  if (!settings.place) missing.push('Tempat untuk tanggal surat');
  if (!settings.address) missing.push('Alamat kantor untuk kop');
  if (!settings.logo) missing.push('Logo pemerintah daerah');
  for (const signatory of settings.signatories) {
    if (!signatory.name) missing.push(`Nama ${signatory.position}`);
    if (!signatory.nip) missing.push(`NIP ${signatory.position}`);
  }
  return missing;
}

export function getLetterheadSettings(ctx: ServerContext): LetterheadSettings {
  const stored = repo(ctx).read();
  const general = getSettings(ctx);
  const signers = Object.fromEntries(
    SIGNED_DOCUMENTS.map((document) => {
      const value = stored.get(`signer.${document}`);
      return [document, SIGNATORY_ROLES.includes(value as SignatoryRole) ? (value as SignatoryRole) : DEFAULT_SIGNERS[document]];
    }),
  ) as Record<SignedDocument, SignatoryRole>;
  const settings: Omit<LetterheadSettings, 'missing'> = {
    governmentTitle: governmentTitle(general.localGovernmentName, general.localGovernmentKind),
    secretariatLine: stored.get('secretariatLine') || SECRETARIAT_LINE,
    sectionLine: stored.get('sectionLine') || sectionLine(general.localGovernmentKind),
    address: stored.get('address') ?? '',
    phone: stored.get('phone') ?? '',
    email: stored.get('email') ?? '',
    website: stored.get('website') ?? '',
    place: stored.get('place') ?? '',
    paper: stored.get('paper') === 'F4' ? 'F4' : 'A4',
    letterPattern: stored.get('letterPattern') || DEFAULT_LETTER_PATTERN,
    // A logo row whose file is gone (e.g. data restored from an archive without it) counts as no logo.
    logo: presentLogo(ctx, parseLogo(stored.get('logo'))),
    signatories: SIGNATORY_ROLES.map((role) => signatoryOf(stored, role)),
    signers,
  };
  return { ...settings, missing: missingOf(settings, general.localGovernmentName) };
}

const TEXT_KEYS = ['secretariatLine', 'sectionLine', 'address', 'phone', 'email', 'website', 'place', 'paper', 'letterPattern'] as const;

export function updateLetterheadSettings(ctx: ServerContext, input: Update): LetterheadSettings {
  const store = repo(ctx);
  ctx.db
    .transaction(() => {
      for (const key of TEXT_KEYS) {
        const value = input[key];
        if (value !== undefined) store.write(key, value ?? '');
      }
      for (const signatory of input.signatories ?? []) {
        if (signatory.position !== undefined) store.write(`signatory.${signatory.role}.position`, signatory.position ?? '');
        if (signatory.name !== undefined) store.write(`signatory.${signatory.role}.name`, signatory.name ?? '');
        if (signatory.rank !== undefined) store.write(`signatory.${signatory.role}.rank`, signatory.rank ?? '');
        if (signatory.nip !== undefined) store.write(`signatory.${signatory.role}.nip`, signatory.nip);
      }
      for (const [document, role] of Object.entries(input.signers ?? {})) store.write(`signer.${document}`, role);
    })
    .immediate();
  return getLetterheadSettings(ctx);
}

/** Store a new logo and point the settings at it; the previous file is removed afterwards. */
export function setLogo(ctx: ServerContext, source: { file?: string | undefined; data?: Uint8Array | undefined }): LetterheadSettings {
  let data = source.data;
  if (!data && source.file) {
    try {
      data = fs.readFileSync(source.file);
    } catch {
      throw new AppError('NOT_FOUND', `Berkas logo tidak ditemukan: ${source.file}`);
    }
  }
  if (!data) throw new AppError('VALIDATION', 'Pilih berkas logo (PNG atau JPG).');
  const image = inspectLogo(data);
  const previous = getLetterheadSettings(ctx).logo;
  const fileName = storeLogo(ctx.dataDir, data, image);
  ctx.db.transaction(() => repo(ctx).write('logo', JSON.stringify({ fileName, width: image.width, height: image.height }))).immediate();
  if (previous && previous.fileName !== fileName) removeLogoFile(ctx.dataDir, previous.fileName);
  return getLetterheadSettings(ctx);
}

export function removeLogo(ctx: ServerContext): LetterheadSettings {
  const previous = getLetterheadSettings(ctx).logo;
  ctx.db.transaction(() => repo(ctx).write('logo', '')).immediate();
  if (previous) removeLogoFile(ctx.dataDir, previous.fileName);
  return getLetterheadSettings(ctx);
}

export function logoBytes(ctx: ServerContext, settings: LetterheadSettings): Buffer | null {
  return settings.logo ? readLogo(ctx.dataDir, settings.logo.fileName) : null;
}

