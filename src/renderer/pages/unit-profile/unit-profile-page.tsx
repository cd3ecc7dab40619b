/**
 * Profil Unit (#/unit/<id>): one place per unit. Who leads it, how far each instrument
 * is, the three PEKPPP views side by side, the Ombudsman estimate, the first steps of its
 * gap list, what changed last, and one click to every screen or document for this unit.
 */
import { useEffect, useLayoutEffect } from 'react';
import type { UnitProfile } from '../../../shared/types';
import { Badge, EstimateTag } from '../../components/badge';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount, formatDate, formatPercent } from '../../lib/format';
import { rememberUnit } from '../../lib/last-unit';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { ViewCards } from './view-cards';
import { GapPreview } from './gap-preview';
import '../../styles/unit-profile.css';

function Actions({ unitId }: { unitId: number }) {
  const links: Array<{ path: string; label: string; icon: Parameters<typeof Icon>[0]['name'] }> = [
    { path: `/daftar-periksa/${unitId}`, label: 'Daftar Periksa', icon: 'check-circle' },
    { path: `/penilaian/${unitId}`, label: 'Penilaian Mandiri', icon: 'target' },
    { path: `/kesenjangan/${unitId}`, label: 'Kesenjangan (cetak)', icon: 'chart' },
    { path: `/ekspor?unit=${unitId}`, label: 'Paket & formulir unit', icon: 'archive' },
  ];
  return (
    <nav className="profile-actions" aria-label="Tindakan untuk unit ini">
      {links.map((link) => (
        <a key={link.path} className="btn btn--secondary" href={href(link.path)}>
          <Icon name={link.icon} size={18} />
          <span>{link.label}</span>
        </a>
      ))}
    </nav>
  );
}

function Identity({ profile }: { profile: UnitProfile }) {
  const { unit } = profile;
  return (
    <section className="panel panel--padded profile-identity" aria-labelledby="identity-title">
      <h2 className="panel__title" id="identity-title">
        Identitas
      </h2>
      <dl className="profile-facts">
        <dt>Kepala unit</dt>
        <dd>{unit.headName ?? <span className="text-subtle">belum diisi</span>}</dd>
        <dt>Kelompok</dt>
        <dd>{unit.groupName}</dd>
        <dt>Singkatan</dt>
        <dd>{unit.shortName ?? <span className="text-subtle">–</span>}</dd>
        <dt>Sampel Ombudsman</dt>
        <dd>{profile.ombudsmanSample ? 'Ya' : 'Tidak'}</dd>
        <dt>Tenggat</dt>
        <dd>{profile.deadline ? formatDate(profile.deadline) : <span className="text-subtle">belum ditetapkan</span>}</dd>
      </dl>
      <h3 className="profile-subtitle">Bukti dukung</h3>
      <ul className="profile-progress">
        {profile.instruments.map((instrument) => (
          <li key={instrument.instrumentId}>
            <span className="profile-progress__name">{instrument.shortName}</span>
            <span className="progress" aria-hidden="true">
              <span className="progress__bar" style={{ width: `${instrument.progress.percentVerified}%` }} />
            </span>
            <span className="profile-progress__value">
              {formatPercent(instrument.progress.percentVerified)} terverifikasi
              <span className="text-subtle">
                {' '}
                · {formatCount(instrument.progress.supplied)} dari {formatCount(instrument.progress.applicable)} dikirim
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentChanges({ profile }: { profile: UnitProfile }) {
  return (
    <section className="panel panel--padded" aria-labelledby="history-title">
      <h2 className="panel__title" id="history-title">
        Perubahan terakhir
      </h2>
      {profile.history.length === 0 ? (
        <p className="text-subtle">Belum ada perubahan pada tahun {profile.year}.</p>
      ) : (
        <ol className="profile-history">
          {profile.history.map((entry) => (
            <li key={entry.id}>
              <span className="profile-history__when">
                {formatDate(entry.at.slice(0, 10))} · {entry.operator}
              </span>
              {entry.target ? <span className="profile-history__target" title={entry.target}>{entry.target}</span> : null}
              <span className="profile-history__what">{entry.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Pager({ profile }: { profile: UnitProfile }) {
  const { previous, next, position, count } = profile.neighbours;
  return (
    <div className="profile-pager" aria-label="Unit lain">
      <a className={`btn btn--ghost btn--sm${previous ? '' : ' is-disabled'}`} href={previous ? href(`/unit/${previous.id}`) : undefined} aria-disabled={!previous} title={previous?.name}>
        <Icon name="chevron-right" size={16} className="icon--flip" />
        <span>Sebelumnya</span>
      </a>
      <span className="profile-pager__count">
        {formatCount(position)} / {formatCount(count)}
      </span>
      <a className={`btn btn--ghost btn--sm${next ? '' : ' is-disabled'}`} href={next ? href(`/unit/${next.id}`) : undefined} aria-disabled={!next} title={next?.name}>
        <span>Berikutnya</span>
        <Icon name="chevron-right" size={16} />
      </a>
    </div>
  );
}

export function UnitProfilePage({ unitId }: { unitId: number }) {
  const { activePeriod } = useAppData();
  const periodId = activePeriod?.id ?? 0;
  const profile = useQuery(`unit-profile-${periodId}-${unitId}`, () => (periodId ? api['units:profile']({ periodId, unitId }) : Promise.resolve(null)));
  useEffect(() => rememberUnit(unitId, activePeriod?.year), [unitId, activePeriod?.year]);
  // Before paint, not after: the moment a unit's profile shows, Alt+← / Alt+→ must know its
  // neighbours (a listener attached after paint briefly kept the loading state's null).
  useLayoutEffect(() => {
    // Alt+← / Alt+→ page through units, like a document viewer.
    const onKey = (event: KeyboardEvent) => {
      const target = event.altKey && profile.data ? (event.key === 'ArrowLeft' ? profile.data.neighbours.previous : event.key === 'ArrowRight' ? profile.data.neighbours.next : null) : null;
      if (target) {
        event.preventDefault();
        navigate(`/unit/${target.id}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [profile.data]);

  if (!activePeriod) {
    return (
      <div className="page">
        <PageHeader title="Profil Unit" breadcrumb={[{ label: 'Unit', path: '/unit' }, { label: 'Profil' }]} />
        <EmptyState icon="calendar" title="Belum ada tahun penilaian">
          Buat tahun penilaian dan masukkan unit ini ke cakupannya untuk melihat profilnya.
        </EmptyState>
      </div>
    );
  }
  if (profile.error) {
    return (
      <div className="page">
        <PageHeader title="Profil Unit" breadcrumb={[{ label: 'Unit', path: '/unit' }, { label: 'Profil' }]} />
        <ErrorState error={profile.error} onRetry={profile.reload} />
      </div>
    );
  }
  if (!profile.data) return <Loading />;
  const data = profile.data;
  return (
    <div className="page unit-profile">
      <PageHeader
        title={data.unit.name}
        breadcrumb={[{ label: 'Unit', path: '/unit' }, { label: data.unit.name }]}
        meta={
          <>
            <Badge tone="neutral">{data.unit.groupName}</Badge>
            {data.ombudsmanSample ? <Badge tone="teal">Sampel Ombudsman</Badge> : null}
          </>
        }
        description={`Tahun penilaian ${data.year}${data.unit.headName ? ` · Kepala unit ${data.unit.headName}` : ''}`}
        actions={<Pager profile={data} />}
      />
      <Actions unitId={unitId} />
      <ViewCards profile={data} />
      <div className="profile-grid">
        <GapPreview profile={data} />
        <div className="profile-grid__side">
          <Identity profile={data} />
          <RecentChanges profile={data} />
        </div>
      </div>
      {data.scores.ombudsman ? (
        <p className="profile-footnote">
          <EstimateTag /> Nilai Ombudsman adalah estimasi kesiapan dari bukti yang terverifikasi, bukan nilai resmi Ombudsman RI.
        </p>
      ) : null}
    </div>
  );
}
