/**
 * Pengingat: the units that still have open items in the active year, furthest behind
 * first, each with the message the server wrote (counts, first items, deadline, where
 * to send). Copy it with one click, or open WhatsApp / e-mail: the links go through the
 * app's confirmed external-open path (https: and mailto: only, after a dialog).
 */
import { useState } from 'react';
import type { Reminder } from '../../../shared/documents-types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatDate, formatPercent } from '../../lib/format';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import '../../styles/documents.css';

function deadlineText(reminder: Reminder): string {
  if (!reminder.deadline) return 'Tenggat belum ditetapkan';
  const days = reminder.daysLeft;
  const when = days === null ? '' : days > 0 ? ` · ${days} hari lagi` : days === 0 ? ' · hari ini' : ` · lewat ${-days} hari`;
  return `Tenggat ${formatDate(reminder.deadline)}${when}`;
}

function ReminderCard({ reminder }: { reminder: Reminder }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reminder.message);
      setCopied(true);
      toast.success('Pesan disalin', 'Tempel di WhatsApp atau e-mail.');
    } catch {
      toast.error('Pesan tidak dapat disalin', 'Pilih teks pesan lalu tekan Ctrl+C.');
    }
  };
  return (
    <article className="panel panel--padded reminder" aria-label={`Pengingat untuk ${reminder.unitName}`}>
      <div className="reminder__facts">
        <div className="reminder__name">{reminder.unitName}</div>
        <div className="reminder__meta">{reminder.headName ?? 'Nama kepala unit belum diisi'}</div>
        <div className="reminder__meta">
          <Icon name="clock" size={14} /> {deadlineText(reminder)}
        </div>
        <div className="reminder__counts">
          <Badge tone={reminder.percentVerified >= 80 ? 'green' : reminder.percentVerified >= 40 ? 'amber' : 'red'}>{formatPercent(reminder.percentVerified)} terverifikasi</Badge>
          <Badge tone="red">{reminder.missing} belum ada</Badge>
          {reminder.needsFix > 0 ? <Badge tone="amber">{reminder.needsFix} perlu perbaikan</Badge> : null}
          {reminder.waiting > 0 ? <Badge tone="blue">{reminder.waiting} menunggu verifikasi</Badge> : null}
        </div>
        <div className="reminder__actions">
          <Button icon="copy" variant="primary" onClick={() => void copy()}>
            {copied ? 'Disalin' : 'Salin pesan'}
          </Button>
          {reminder.whatsappUrl ? (
            <a className="btn btn--secondary" href={reminder.whatsappUrl} target="_blank" rel="noreferrer noopener">
              <Icon name="external" size={18} />
              <span>Buka WhatsApp</span>
            </a>
          ) : null}
          {reminder.mailtoUrl ? (
            <a className="btn btn--secondary" href={reminder.mailtoUrl} target="_blank" rel="noreferrer noopener">
              <Icon name="external" size={18} />
              <span>Kirim e-mail</span>
            </a>
          ) : null}
        </div>
        {!reminder.whatsappUrl && !reminder.mailtoUrl ? (
          <div className="reminder__meta">
            Isi nomor HP atau e-mail kepala unit di <a href={href('/unit')}>Unit</a> untuk membuka WhatsApp atau e-mail langsung.
          </div>
        ) : null}
      </div>
      <pre className="reminder__message" aria-label="Isi pesan">
        {reminder.message}
      </pre>
    </article>
  );
}

export function RemindersPage() {
  const { activePeriod } = useAppData();
  const list = useQuery(`reminders-${activePeriod?.id ?? 0}`, () => (activePeriod ? api['reminders:list']({ periodId: activePeriod.id }) : Promise.resolve([])));
  return (
    <div className="page">
      <PageHeader
        title="Pengingat"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Pengingat' }]}
        description={activePeriod ? `Unit yang masih memiliki kekurangan bukti dukung pada tahun ${activePeriod.year}, yang paling tertinggal lebih dulu.` : undefined}
      />
      {!activePeriod ? (
        <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" action={<a className="btn btn--primary" href={href('/tahun')}>Buat tahun penilaian</a>} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <EmptyState icon="check-circle" title="Semua unit sudah lengkap">
          Tidak ada unit yang perlu diingatkan.
        </EmptyState>
      ) : (
        <div className="reminder-list">
          {list.data.map((reminder) => (
            <ReminderCard key={reminder.unitId} reminder={reminder} />
          ))}
        </div>
      )}
    </div>
  );
}
