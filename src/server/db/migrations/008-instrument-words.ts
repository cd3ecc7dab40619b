import crypto from 'node:crypto';
import type { Migration } from './index';

/**
 * Instrument texts in Indonesian. The built-in instruments shipped English terms from
 * the regulation's glossary ("service delivery", "manufacturing", "capacity building");
 * UU 25/2009 Ps. 21 and PermenPANRB 15/2014 call them the components tied to the
 * *penyampaian pelayanan* and to the *pengelolaan pelayanan di internal organisasi*.
 * Stored definitions of the built-in (bawaan) instruments are rewritten string by
 * string, only where a text still equals the old English text exactly, so an imported
 * instrument or any other text is never touched. Codes, ids and versions stay: years
 * scored with these instruments score the same. The pairs are frozen here (history).
 */
export const INSTRUMENT_TEXT_FIXES: ReadonlyArray<readonly [string, string]> = [
  ["Komponen Standar Pelayanan: Persyaratan (service delivery)", "Komponen Standar Pelayanan: Persyaratan (penyampaian pelayanan)"],
  ["Komponen Standar Pelayanan: Sistem, mekanisme, dan prosedur (service delivery)", "Komponen Standar Pelayanan: Sistem, mekanisme, dan prosedur (penyampaian pelayanan)"],
  ["Komponen Standar Pelayanan: Jangka waktu pelayanan (service delivery)", "Komponen Standar Pelayanan: Jangka waktu pelayanan (penyampaian pelayanan)"],
  ["Komponen Standar Pelayanan: Biaya/tarif (service delivery)", "Komponen Standar Pelayanan: Biaya/tarif (penyampaian pelayanan)"],
  ["Komponen Standar Pelayanan: Produk pelayanan (service delivery)", "Komponen Standar Pelayanan: Produk pelayanan (penyampaian pelayanan)"],
  ["Komponen Standar Pelayanan: Penanganan pengaduan, saran, dan masukan (service delivery)", "Komponen Standar Pelayanan: Penanganan pengaduan, saran, dan masukan (penyampaian pelayanan)"],
  ["Komponen Standar Pelayanan: Dasar hukum (manufacturing)", "Komponen Standar Pelayanan: Dasar hukum (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Sarana dan prasarana/fasilitas (manufacturing)", "Komponen Standar Pelayanan: Sarana dan prasarana/fasilitas (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Kompetensi pelaksana (manufacturing)", "Komponen Standar Pelayanan: Kompetensi pelaksana (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Pengawasan internal (manufacturing)", "Komponen Standar Pelayanan: Pengawasan internal (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Jumlah pelaksana (manufacturing)", "Komponen Standar Pelayanan: Jumlah pelaksana (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Jaminan pelayanan (manufacturing)", "Komponen Standar Pelayanan: Jaminan pelayanan (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Jaminan keamanan dan keselamatan pelayanan (manufacturing)", "Komponen Standar Pelayanan: Jaminan keamanan dan keselamatan pelayanan (pengelolaan internal)"],
  ["Komponen Standar Pelayanan: Evaluasi kinerja pelaksana (manufacturing)", "Komponen Standar Pelayanan: Evaluasi kinerja pelaksana (pengelolaan internal)"],
  ["Jumlah media publikasi komponen Standar Pelayanan (service delivery)", "Jumlah media publikasi komponen Standar Pelayanan terkait penyampaian pelayanan"],
  ["Komponen service delivery Standar Pelayanan tidak dipublikasikan.", "Komponen Standar Pelayanan terkait penyampaian pelayanan tidak dipublikasikan."],
  ["Hanya sebagian komponen service delivery Standar Pelayanan yang dipublikasikan.", "Hanya sebagian komponen Standar Pelayanan terkait penyampaian pelayanan yang dipublikasikan."],
  ["Seluruh komponen service delivery dipublikasikan melalui sekurang-kurangnya 2 media, tetapi tidak melalui SIPPN.", "Seluruh komponen penyampaian pelayanan dipublikasikan melalui sekurang-kurangnya 2 media, tetapi tidak melalui SIPPN."],
  ["Seluruh komponen service delivery dipublikasikan melalui 2 media dan SIPPN.", "Seluruh komponen penyampaian pelayanan dipublikasikan melalui 2 media dan SIPPN."],
  ["Seluruh komponen service delivery dipublikasikan melalui 3 media dan SIPPN.", "Seluruh komponen penyampaian pelayanan dipublikasikan melalui 3 media dan SIPPN."],
  ["Seluruh komponen service delivery dipublikasikan melalui 4 media atau lebih dan SIPPN.", "Seluruh komponen penyampaian pelayanan dipublikasikan melalui 4 media atau lebih dan SIPPN."],
  ["Foto bertanggal setiap media publikasi non-elektronik yang memuat komponen service delivery", "Foto bertanggal setiap media publikasi non-elektronik yang memuat komponen penyampaian pelayanan"],
  ["Tangkapan layar setiap media publikasi elektronik yang memuat komponen service delivery", "Tangkapan layar setiap media publikasi elektronik yang memuat komponen penyampaian pelayanan"],
  ["Dalam 1 tahun terakhir terdapat lebih dari 4 jenis mekanisme untuk menjaga motivasi kerja pelaksana (penghargaan, diklat, beasiswa, konseling, capacity building, atau lainnya).", "Dalam 1 tahun terakhir terdapat lebih dari 4 jenis mekanisme untuk menjaga motivasi kerja pelaksana (penghargaan, diklat, beasiswa, konseling, pengembangan kapasitas, atau lainnya)."],
  ["Capacity building (pengembangan kapasitas)", "Pengembangan kapasitas (peningkatan kompetensi)"],
];

const replacements = new Map<string, string>(INSTRUMENT_TEXT_FIXES);

function rewrite(value: unknown): unknown {
  if (typeof value === 'string') return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map(rewrite);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item)]));
  return value;
}

export const migration008: Migration = {
  version: 8,
  name: 'instrument-words',
  up(db) {
    const rows = db.prepare<[], { id: number; name: string; definition: string }>("SELECT id, name, definition FROM instruments WHERE source = 'bawaan'").all();
    const update = db.prepare<[string, string, string, number]>('UPDATE instruments SET name = ?, definition = ?, sha256 = ? WHERE id = ?');
    for (const row of rows) {
      const definition = JSON.stringify(rewrite(JSON.parse(row.definition)));
      if (definition === row.definition) continue;
      const name = replacements.get(row.name) ?? row.name;
      update.run(name, definition, crypto.createHash('sha256').update(definition).digest('hex'), row.id);
    }
  },
};
