/**
 * The kit's manifest (`patuh-kit.json`): which database, unit and year the kit is for,
 * the instrument versions, the workbook it belongs with, and the requirement behind every
 * folder. Signed with the database's form secret, so a kit of another database or a
 * hand-edited manifest is recognised and refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { ensureFormSecret, readFormSecret } from '../excel/forms/form-key';

export const KIT_FORMAT = 'patuh-kit-1';
export const MANIFEST_FILE = 'patuh-kit.json';
export const GUIDE_FILE = 'PETUNJUK.txt';
/** A manifest of 300 requirements is ~80 KB; anything far larger is not ours. */
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

export const manifestSchema = z.object({
  format: z.literal(KIT_FORMAT),
  kitId: z.string().regex(/^[0-9a-f]{32}$/u),
  databaseId: z.string().regex(/^[0-9a-f]{32}$/u),
  exportedAt: z.string().min(1).max(40),
  unit: z.object({ id: z.number().int().positive(), name: z.string().min(1).max(300) }),
  period: z.object({ id: z.number().int().positive(), year: z.number().int().min(2000).max(2100) }),
  instruments: z.array(z.object({ id: z.number().int().positive(), code: z.string().max(80), version: z.string().max(40), shortName: z.string().max(80) })).max(20),
  workbook: z.object({ file: z.string().min(1).max(200), keyMac: z.string().regex(/^[0-9a-f]{64}$/u) }),
  folders: z
    .array(z.object({ path: z.string().min(1).max(200), instrumentId: z.number().int().positive(), requirementCode: z.string().min(1).max(120), title: z.string().max(2000) }))
    .max(5000),
  signature: z.string().regex(/^[0-9a-f]{64}$/u),
});

export type KitManifest = z.infer<typeof manifestSchema>;
export type UnsignedManifest = Omit<KitManifest, 'signature'>;

/** A stable id of this database, derived from its secret (never the secret itself). */
export function databaseIdOf(secret: string): string {
  return crypto.createHash('sha256').update(`patuh-database:${secret}`, 'utf8').digest('hex').slice(0, 32);
}

function canonical(manifest: UnsignedManifest): string {
  const { format, kitId, databaseId, exportedAt, unit, period, instruments, workbook, folders } = manifest;
  return JSON.stringify([
    format,
    kitId,
    databaseId,
    exportedAt,
    [unit.id, unit.name],
    [period.id, period.year],
    instruments.map((item) => [item.id, item.code, item.version, item.shortName]),
    [workbook.file, workbook.keyMac],
    folders.map((folder) => [folder.path, folder.instrumentId, folder.requirementCode, folder.title]),
  ]);
}

const mac = (manifest: UnsignedManifest, secret: string) => crypto.createHmac('sha256', secret).update(`kit:${canonical(manifest)}`, 'utf8').digest('hex');

export function signManifest(ctx: ServerContext, manifest: Omit<UnsignedManifest, 'databaseId'>): KitManifest {
  const secret = ensureFormSecret(ctx);
  const full: UnsignedManifest = { ...manifest, databaseId: databaseIdOf(secret) };
  return { ...full, signature: mac(full, secret) };
}

export function currentDatabaseId(ctx: ServerContext): string | null {
  const secret = readFormSecret(ctx);
  return secret ? databaseIdOf(secret) : null;
}

export type ManifestCheck = { ok: true; manifest: KitManifest } | { ok: false; message: string };

/** Parse and verify a manifest's text: shape, this database, and an untouched signature. */
export function verifyManifest(ctx: ServerContext, text: string): ManifestCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: `Berkas ${MANIFEST_FILE} rusak (bukan JSON yang sah). Minta Bagian Organisasi mengekspor ulang kit ini.` };
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) return { ok: false, message: `Berkas ${MANIFEST_FILE} bukan manifest kit Patuh versi ini. Minta Bagian Organisasi mengekspor ulang kit ini.` };
  const manifest = result.data;
  const secret = readFormSecret(ctx);
  if (!secret || manifest.databaseId !== databaseIdOf(secret)) {
    return { ok: false, message: `Kit untuk unit "${manifest.unit.name}" tahun ${manifest.period.year} dibuat dari data Patuh lain (komputer atau basis data lain). Kit ditolak; terima kit ini di komputer yang mengekspornya.` };
  }
  const { signature, ...unsigned } = manifest;
  const expected = Buffer.from(mac(unsigned, secret), 'hex');
  if (!crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return { ok: false, message: `Manifest kit unit "${manifest.unit.name}" diubah setelah diekspor (tanda tangannya tidak cocok). Kit ditolak; ekspor ulang kit untuk unit ini.` };
  }
  return { ok: true, manifest };
}

/** Read a manifest file without following a huge or non-regular file. */
export function readManifestFile(file: string): string | null {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return null;
  return fs.readFileSync(file, 'utf8');
}

export const MANIFEST_LIMIT = MAX_MANIFEST_BYTES;
