/** First steps for a new installation, each ticked when done. */
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { navigate } from '../../lib/router';

export interface OnboardingState {
  settingsDone: boolean;
  unitsDone: boolean;
  periodDone: boolean;
}

const STEPS = [
  {
    key: 'settingsDone',
    title: 'Isi pengaturan',
    text: 'Nama pemerintah daerah dan nama operator, dipakai di laporan dan sidebar.',
    action: 'Buka pengaturan',
    path: '/pengaturan',
  },
  {
    key: 'unitsDone',
    title: 'Tambah unit',
    text: 'Daftarkan OPD, Puskesmas, kecamatan dan unit layanan lain — bisa dari daftar bawaan.',
    action: 'Tambah unit',
    path: '/unit',
  },
  {
    key: 'periodDone',
    title: 'Buat tahun penilaian',
    text: 'Pilih instrumen PEKPPP dan Ombudsman, tenggat, dan unit yang dinilai tahun ini.',
    action: 'Buat tahun penilaian',
    path: '/tahun',
  },
] as const;

export function Onboarding({ state }: { state: OnboardingState }) {
  const doneCount = STEPS.filter((step) => state[step.key]).length;
  const nextKey = STEPS.find((step) => !state[step.key])?.key;
  return (
    <section className="panel onboarding" aria-labelledby="onboarding-title">
      <div className="onboarding__head">
        <div>
          <h2 id="onboarding-title" className="panel__title">
            Mulai menyiapkan penilaian
          </h2>
          <p className="panel__subtitle">Tiga langkah agar Patuh siap dipakai. Semua dapat diubah kemudian.</p>
        </div>
        <div className="onboarding__progress" aria-label={`${doneCount} dari 3 langkah selesai`}>
          <span className="onboarding__progress-text">{doneCount} dari 3 selesai</span>
          <span className="progress" aria-hidden="true">
            <span className="progress__bar" style={{ width: `${(doneCount / 3) * 100}%` }} />
          </span>
        </div>
      </div>
      <ol className="onboarding__steps">
        {STEPS.map((step, index) => {
          const done = state[step.key];
          return (
            <li key={step.key} className={`step${done ? ' step--done' : ''}${step.key === nextKey ? ' step--next' : ''}`}>
              <span className="step__marker" aria-hidden="true">
                {done ? <Icon name="check" size={16} /> : index + 1}
              </span>
              <div className="step__body">
                <h3 className="step__title">
                  {step.title}
                  {done ? <span className="sr-only"> (selesai)</span> : null}
                </h3>
                <p className="step__text">{step.text}</p>
              </div>
              <Button size="sm" variant={step.key === nextKey ? 'primary' : 'secondary'} onClick={() => navigate(step.path)}>
                {done ? 'Lihat' : step.action}
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
