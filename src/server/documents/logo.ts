/**
 * The pemda logo for the kop: a PNG or JPEG kept in the data folder (documents/logo.*),
 * checked by its bytes (not its name), with its pixel size read from the header so every
 * writer scales it without distortion. Written temp → fsync → rename.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { fsyncDirSync, fsyncFileSync, randomId, TEMP_PREFIX } from '../backup/files';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_DIR = 'documents';

export interface LogoImage {
  extension: 'png' | 'jpeg';
  width: number;
  height: number;
}

function pngSize(data: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((byte, index) => data[index] !== byte)) return null;
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

function jpegSize(data: Uint8Array): { width: number; height: number } | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 9 < view.length) {
    if (view[offset] !== 0xff) return null;
    const marker = view[offset + 1]!;
    const length = view.readUInt16BE(offset + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.readUInt16BE(offset + 5), width: view.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

/** What the bytes are; refuses anything that is not a real PNG/JPEG of sane size. */
export function inspectLogo(data: Uint8Array): LogoImage {
  if (data.length > LOGO_MAX_BYTES) throw new AppError('FILE_REJECTED', 'Logo paling besar 2 MB. Perkecil gambarnya lalu pilih lagi.');
  const png = pngSize(data);
  const jpeg = png ? null : jpegSize(data);
  const size = png ?? jpeg;
  if (!size) throw new AppError('FILE_REJECTED', 'Logo harus gambar PNG atau JPG. Berkas ini bukan gambar PNG/JPG yang utuh.');
  if (size.width < 16 || size.height < 16 || size.width > 10_000 || size.height > 10_000) {
    throw new AppError('FILE_REJECTED', `Ukuran logo ${size.width}×${size.height} piksel tidak wajar; gunakan gambar antara 16 dan 10.000 piksel.`);
  }
  return { extension: png ? 'png' : 'jpeg', ...size };
}

export function logoPath(dataDir: string, fileName: string): string {
  return path.join(dataDir, LOGO_DIR, path.basename(fileName));
}

/** Store the logo under a fresh name; the caller records the name in settings, then removes the old file. */
export function storeLogo(dataDir: string, data: Uint8Array, image: LogoImage): string {
  const dir = path.join(dataDir, LOGO_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `logo-${randomId()}.${image.extension === 'png' ? 'png' : 'jpg'}`;
  const temp = path.join(dir, `${TEMP_PREFIX}${randomId()}`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fsyncFileSync(temp);
    fs.renameSync(temp, path.join(dir, fileName));
    fsyncDirSync(dir);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as { code?: string }).code;
    throw new AppError('IO', code === 'ENOSPC' ? 'Ruang penyimpanan penuh; logo tidak disimpan. Kosongkan ruang lalu coba lagi.' : `Logo tidak dapat disimpan: ${(error as Error).message}`);
  }
  return fileName;
}

export function readLogo(dataDir: string, fileName: string): Buffer | null {
  try {
    return fs.readFileSync(logoPath(dataDir, fileName));
  } catch {
    return null;
  }
}

export function removeLogoFile(dataDir: string, fileName: string): void {
  fs.rmSync(logoPath(dataDir, fileName), { force: true });
}
