/**
 * Reminders per unit with open items: facts read from the checklists of the year (one
 * read transaction), the text from the pure reminder rules. Sorted by progress, lowest
 * first, so the units furthest behind are chased first.
 */
import { mailtoUrl, reminderMessage, topItems, whatsappUrl, type OpenItem } from '../../core/documents/reminder';
import { waNumber } from '../../core/documents/identity';
import type { Reminder } from '../../shared/documents-types';
import type { Checklist } from '../../shared/types';
import { getChecklistsOfPeriod } from '../checklist/checklist-service';
import type { ServerContext } from '../context';
import { daysUntil } from '../excel/exports/gap-report-model';
import { getPeriod } from '../periods/periods-service';
import { documentContext } from './letterhead';

export function openItems(checklist: Checklist): OpenItem[] {
  return checklist.instruments.flatMap((instrument) =>
    instrument.aspects.flatMap((aspect) =>
      aspect.indicators.flatMap((indicator) =>
        indicator.requirements
          .filter((requirement) => requirement.status === 'belum_ada' || requirement.status === 'perlu_perbaikan')
          .map((requirement) => ({
            text: requirement.text,
            where: `${instrument.shortName}, indikator ${indicator.number}. ${indicator.name}`,
            shortWhere: `${instrument.family === 'pekppp' ? 'PEKPPP' : 'Ombudsman'} ind. ${indicator.number}`,
            status: requirement.status as OpenItem['status'],
            reason: requirement.reason,
          })),
      ),
    ),
  );
}

function count(checklist: Checklist, status: string): number {
  return checklist.instruments.reduce(
    (total, instrument) => total + instrument.aspects.reduce((sum, aspect) => sum + aspect.indicators.reduce((n, indicator) => n + indicator.requirements.filter((item) => item.status === status).length, 0), 0),
    0,
  );
}

export function reminders(ctx: ServerContext, input: { periodId: number; unitId?: number | undefined }): Reminder[] {
  const { period, checklists } = ctx.db.transaction(() => ({ period: getPeriod(ctx, { id: input.periodId }), checklists: getChecklistsOfPeriod(ctx, input.periodId) }))();
  const docs = documentContext(ctx);
  const contact = [docs.settings.email && `pos-el ${docs.settings.email}`, docs.settings.phone && `telepon ${docs.settings.phone}`].filter(Boolean).join(' atau ');
  const sender = `Bagian Organisasi Setda ${docs.header.localGovernment}`;
  const daysLeft = period.deadline ? daysUntil(docs.today, period.deadline) : null;
  const list: Reminder[] = [];
  for (const checklist of checklists.values()) {
    if (input.unitId !== undefined && checklist.unit.id !== input.unitId) continue;
    const items = openItems(checklist);
    if (items.length === 0 && input.unitId === undefined) continue;
    const unit = checklist.unit;
    const facts = {
      unitName: unit.name,
      headName: unit.headName,
      year: period.year,
      deadline: period.deadline,
      daysLeft,
      percentVerified: checklist.progress.percentVerified,
      missing: count(checklist, 'belum_ada'),
      needsFix: count(checklist, 'perlu_perbaikan'),
      waiting: count(checklist, 'menunggu_verifikasi'),
      items,
      sender,
      sendTo: `ke ${sender}${contact ? ` (${contact})` : ''}, melalui formulir isian atau folder bersama unit Anda`,
    };
    const { subject, message } = reminderMessage(facts);
    const wa = waNumber(unit.headPhone);
    list.push({
      unitId: unit.id,
      unitName: unit.name,
      headName: unit.headName,
      phone: unit.headPhone,
      email: unit.headEmail,
      deadline: period.deadline,
      daysLeft,
      percentVerified: facts.percentVerified,
      missing: facts.missing,
      needsFix: facts.needsFix,
      waiting: facts.waiting,
      topItems: topItems(items).map((item) => item.text),
      message,
      subject,
      whatsappUrl: whatsappUrl(wa, message),
      mailtoUrl: mailtoUrl(unit.headEmail, subject, message),
    });
  }
  return list.sort((a, b) => a.percentVerified - b.percentVerified || a.unitName.localeCompare(b.unitName, 'id'));
}
