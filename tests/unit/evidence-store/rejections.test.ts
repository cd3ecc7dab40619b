import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ingestBuffer, ingestFile } from '../../../src/server/evidence/store';
import { contentFor, expectAppError, files, tempRoot, writeSource } from './support';

const ALLOWED =
  'PDF; gambar (JPG, JPEG, PNG, GIF, WEBP, HEIC); dokumen (DOC, DOCX, ODT, RTF, TXT); lembar kerja (XLS, XLSX, ODS, CSV); ' +
  'presentasi (PPT, PPTX, ODP); video (MP4, MOV, AVI, MKV, WEBM); audio (MP3, M4A); arsip (ZIP)';

function setup() {
  const root = tempRoot();
  const dataDir = path.join(root, 'data');
  const srcDir = path.join(root, 'src');
  return { root, dataDir, srcDir, stored: () => files(path.join(dataDir, 'evidence')) };
}

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS.maxBytes).toBe(200 * 1024 * 1024);
    expect(DEFAULT_LIMITS.allowedExtensions).toHaveLength(27);
  });

  it('rejects a file over the default 200 MB limit without reading it', async () => {
    const { dataDir, srcDir, stored } = setup();
    fs.mkdirSync(srcDir);
    const source = path.join(srcDir, 'video.mp4');
    fs.writeFileSync(source, contentFor('mp4'));
    fs.truncateSync(source, 250 * 1024 * 1024); // sparse: no 250 MB actually written
    await expectAppError(
      ingestFile(dataDir, source),
      'FILE_REJECTED',
      'Berkas "video.mp4" berukuran 250 MB, melebihi batas 200 MB. Kompres atau pecah berkas lalu lampirkan lagi.',
    );
    expect(stored()).toEqual([]);
  });

  it('honours a custom maxBytes, for files and buffers', async () => {
    const { dataDir, srcDir, stored } = setup();
    const data = Buffer.concat([contentFor('pdf'), Buffer.alloc(2500 - contentFor('pdf').length, 0x20)]);
    const message = 'Berkas "besar.pdf" berukuran 2,5 KB, melebihi batas 1 KB. Kompres atau pecah berkas lalu lampirkan lagi.';
    const limits = { maxBytes: 1024 };
    await expectAppError(ingestFile(dataDir, writeSource(srcDir, 'besar.pdf', data), { limits }), 'FILE_REJECTED', message);
    await expectAppError(ingestBuffer(dataDir, data, 'besar.pdf', { limits }), 'FILE_REJECTED', message);
    const exact = await ingestBuffer(dataDir, data.subarray(0, 1024), 'pas.pdf', { limits });
    expect(exact.size).toBe(1024);
    expect(stored()).toHaveLength(1);
  });

  it('rejects an empty file', async () => {
    const { dataDir, srcDir, stored } = setup();
    const message = 'Berkas "kosong.pdf" kosong (0 byte). Periksa apakah berkas tersimpan dengan benar, lalu lampirkan lagi.';
    await expectAppError(ingestFile(dataDir, writeSource(srcDir, 'kosong.pdf', Buffer.alloc(0))), 'FILE_REJECTED', message);
    await expectAppError(ingestBuffer(dataDir, Buffer.alloc(0), 'kosong.pdf'), 'FILE_REJECTED', message);
    expect(stored()).toEqual([]);
  });
});

describe('extension allow-list', () => {
  it('rejects a type that is not allowed, listing the allowed kinds in Indonesian', async () => {
    const { dataDir, srcDir, stored } = setup();
    await expectAppError(
      ingestFile(dataDir, writeSource(srcDir, 'setup.exe', Buffer.from('hello'))),
      'FILE_REJECTED',
      `Jenis berkas .exe ("setup.exe") tidak diterima. Jenis yang diterima: ${ALLOWED}. Simpan atau ekspor dokumen ke salah satu jenis tersebut, lalu lampirkan lagi.`,
    );
    expect(stored()).toEqual([]);
  });

  it('rejects a name without an extension', async () => {
    const { dataDir } = setup();
    await expectAppError(
      ingestBuffer(dataDir, Buffer.from('isi'), 'catatan'),
      'FILE_REJECTED',
      `Jenis berkas "catatan" tidak dapat dikenali karena namanya tidak berakhiran jenis berkas (misalnya .pdf). Jenis yang diterima: ${ALLOWED}. Beri nama berakhiran yang sesuai, lalu lampirkan lagi.`,
    );
  });

  it('lists only the configured kinds when the allow-list is narrowed', async () => {
    const { dataDir } = setup();
    await expectAppError(
      ingestBuffer(dataDir, contentFor('png'), 'foto.png', { limits: { allowedExtensions: ['pdf', '.JPG'] } }),
      'FILE_REJECTED',
      'Jenis berkas .png ("foto.png") tidak diterima. Jenis yang diterima: PDF; gambar (JPG). Simpan atau ekspor dokumen ke salah satu jenis tersebut, lalu lampirkan lagi.',
    );
  });

  it('accepts upper-case extensions', async () => {
    const { dataDir } = setup();
    const result = await ingestBuffer(dataDir, contentFor('pdf'), 'SURAT.PDF');
    expect(result).toMatchObject({ extension: 'pdf', mime: 'application/pdf', originalName: 'SURAT.PDF' });
    expect(result.storedPath.endsWith('.pdf')).toBe(true);
  });
});

describe('content checks', () => {
  const executableMessage = (name: string, ext: string) =>
    `Berkas "${name}" berisi program yang dapat dijalankan, bukan dokumen .${ext}. Demi keamanan berkas ini ditolak. Periksa berkas dengan antivirus dan lampirkan dokumen aslinya.`;

  it.each([
    ['laporan.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
    ['foto.jpg', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)])],
    ['rekap.xls', Buffer.from('#!/bin/sh\nrm -rf ~\n')],
    ['video.mp4', Buffer.from('#!python\n')],
    ['catatan.txt', Buffer.from('#!/usr/bin/env node\n')],
    ['arsip.zip', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])],
  ])('rejects a disguised executable: %s', async (name, data) => {
    const { dataDir, srcDir, stored } = setup();
    const ext = name.split('.').pop()!;
    await expectAppError(ingestFile(dataDir, writeSource(srcDir, name, data)), 'FILE_REJECTED', executableMessage(name, ext));
    await expectAppError(ingestBuffer(dataDir, data, name), 'FILE_REJECTED', executableMessage(name, ext));
    expect(stored()).toEqual([]);
  });

  it('rejects a Windows program in a text file only when it has a real PE header', async () => {
    const { dataDir } = setup();
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    await expectAppError(ingestBuffer(dataDir, pe, 'daftar.txt'), 'FILE_REJECTED', executableMessage('daftar.txt', 'txt'));
    const text = await ingestBuffer(dataDir, Buffer.from('MZ Rahman, S.Sos — Kepala Seksi\n'), 'pejabat.txt');
    expect(text.mime).toBe('text/plain');
  });

  it.each([
    ['surat.pdf', '<html><body>bukan pdf</body></html>', 'PDF'],
    ['notulen.docx', 'teks biasa', 'dokumen Word (DOCX)'],
    ['arsip.zip', 'teks biasa', 'arsip ZIP'],
    ['foto.png', 'teks biasa', 'gambar PNG'],
  ])('rejects %s whose content does not match its name', async (name, body, label) => {
    const { dataDir, stored } = setup();
    const ext = name.split('.').pop()!;
    await expectAppError(
      ingestBuffer(dataDir, Buffer.from(body), name),
      'FILE_REJECTED',
      `Isi berkas "${name}" bukan ${label}, padahal namanya berakhiran .${ext}. Berkas mungkin rusak atau salah diberi nama. Buka berkas untuk memeriksanya, simpan ulang dalam format yang benar, lalu lampirkan lagi.`,
    );
    expect(stored()).toEqual([]);
  });

  it('accepts common harmless mismatches', async () => {
    const { dataDir } = setup();
    // A PNG saved as .jpg (chat apps do this): kept, labelled by its real type.
    expect((await ingestBuffer(dataDir, contentFor('png'), 'foto.jpg')).mime).toBe('image/png');
    // Password-protected DOCX files are OLE2 containers.
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    expect((await ingestBuffer(dataDir, ole2, 'rahasia.docx')).extension).toBe('docx');
    // Government systems often export HTML named .xls; Excel opens it.
    expect((await ingestBuffer(dataDir, Buffer.from('<table><tr><td>1</td></tr></table>'), 'rekap.xls')).mime).toBe(
      'application/vnd.ms-excel',
    );
    // A scanner that writes a few bytes before %PDF-.
    expect((await ingestBuffer(dataDir, Buffer.from('\r\n%PDF-1.4\n'), 'pindai.pdf')).mime).toBe('application/pdf');
  });
});

describe('unusable sources', () => {
  it('rejects a missing file', async () => {
    const { dataDir, root } = setup();
    await expectAppError(
      ingestFile(dataDir, path.join(root, 'tidak-ada.pdf')),
      'FILE_REJECTED',
      'Berkas "tidak-ada.pdf" tidak ditemukan. Mungkin sudah dipindahkan, diganti nama, atau dihapus. Pilih berkasnya lagi.',
    );
  });

  it('rejects a folder', async () => {
    const { dataDir, srcDir } = setup();
    fs.mkdirSync(path.join(srcDir, 'folder.pdf'), { recursive: true });
    await expectAppError(
      ingestFile(dataDir, path.join(srcDir, 'folder.pdf')),
      'FILE_REJECTED',
      '"folder.pdf" bukan berkas biasa (misalnya folder atau perangkat). Pilih berkas dokumennya langsung, lalu lampirkan lagi.',
    );
  });

  it.skipIf(process.platform === 'win32')('rejects a named pipe without blocking on it', async () => {
    const { dataDir, srcDir, stored } = setup();
    fs.mkdirSync(srcDir);
    const fifo = path.join(srcDir, 'pipa.pdf');
    execFileSync('mkfifo', [fifo]);
    await expectAppError(ingestFile(dataDir, fifo), 'FILE_REJECTED');
    expect(stored()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('rejects an unreadable file', async () => {
    const { dataDir, srcDir } = setup();
    const source = writeSource(srcDir, 'rahasia.pdf', contentFor('pdf'));
    fs.chmodSync(source, 0o000);
    await expectAppError(
      ingestFile(dataDir, source),
      'FILE_REJECTED',
      'Berkas "rahasia.pdf" tidak dapat dibuka karena tidak ada izin membacanya. Salin berkas ke folder Dokumen Anda, lalu lampirkan salinannya.',
    );
  });
});
