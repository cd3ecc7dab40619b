/**
 * The short message that chases a unit (WhatsApp or e-mail): counts, the first items to
 * complete, the deadline and where to send. Pure: the server gathers the facts, the
 * renderer copies the text or opens the link through the app's confirmed external path.
 */
import { formatShare } from '../scoring/rounding';
import { longDateId } from './dates';

export interface OpenItem {
  text: string;
  /** "Indikator 1. Standar Pelayanan" — where it belongs. */
  where: string;
  /** "PEKPPP ind. 1" — the short form for a chat message. */
  shortWhere: string;
  status: 'belum_ada' | 'perlu_perbaikan';
  reason: string;
}

export interface ReminderFacts {
  unitName: string;
  headName: string | null;
  year: number;
  deadline: string | null;
  daysLeft: number | null;
  percentVerified: number;
  missing: number;
  needsFix: number;
  waiting: number;
  items: OpenItem[];
  /** "Bagian Organisasi Setda Kabupaten Contoh". */
  sender: string;
  /** How to send: e-mail/phone of the office, or the unit's folder. */
  sendTo: string;
}

export const REMINDER_TOP_ITEMS = 5;

/** Items to fix first: "perlu perbaikan" (the unit already tried) before "belum ada". */
export function topItems(items: readonly OpenItem[], count = REMINDER_TOP_ITEMS): OpenItem[] {
  return [...items].sort((a, b) => (a.status === b.status ? 0 : a.status === 'perlu_perbaikan' ? -1 : 1)).slice(0, count);
}

function deadlineText(deadline: string | null, daysLeft: number | null): string {
  if (!deadline) return 'secepatnya';
  const when = daysLeft === null ? '' : daysLeft > 0 ? ` (${daysLeft} hari lagi)` : daysLeft === 0 ? ' (hari ini)' : ` (sudah lewat ${-daysLeft} hari)`;
  return `paling lambat ${longDateId(deadline)}${when}`;
}

export function reminderMessage(facts: ReminderFacts): { subject: string; message: string } {
  const greeting = facts.headName ? `Yth. Bapak/Ibu ${facts.headName}, Kepala ${facts.unitName}` : `Yth. Kepala ${facts.unitName}`;
  const first = topItems(facts.items);
  const lines = [
    `${greeting},`,
    '',
    `Bukti dukung penilaian pelayanan publik Tahun ${facts.year} untuk ${facts.unitName} baru ${formatShare(facts.percentVerified)} terverifikasi.`,
    `Belum ada: ${facts.missing} · Perlu perbaikan: ${facts.needsFix} · Menunggu verifikasi: ${facts.waiting}.`,
  ];
  if (first.length > 0) {
    lines.push('', 'Mohon segera dilengkapi:');
    first.forEach((item, index) => {
      const reason = item.status === 'perlu_perbaikan' ? ` — perlu perbaikan${item.reason ? `: ${item.reason}` : ''}` : '';
      lines.push(`${index + 1}. ${item.text} (${item.shortWhere})${reason}`);
    });
    const rest = facts.missing + facts.needsFix - first.length;
    if (rest > 0) lines.push(`… dan ${rest} butir lainnya.`);
  }
  lines.push('', `Mohon dikirim ${deadlineText(facts.deadline, facts.daysLeft)} ${facts.sendTo}.`, '', 'Terima kasih.', facts.sender);
  return { subject: `Kelengkapan bukti dukung ${facts.unitName} — Tahun ${facts.year}`, message: lines.join('\n') };
}

/** https://wa.me/<62…>?text=… — only for a valid mobile number (see waNumber). */
export function whatsappUrl(waNumber: string | null, message: string): string | null {
  return waNumber ? `https://wa.me/${waNumber}?text=${encodeURIComponent(message)}` : null;
}

/** mailto: with subject and body; CRLF line breaks as RFC 6068 asks. */
export function mailtoUrl(email: string | null, subject: string, message: string): string | null {
  if (!email) return null;
  const body = message.replace(/\n/gu, '\r\n');
  return `mailto:${encodeURIComponent(email).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
