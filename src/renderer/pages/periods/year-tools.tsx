/**
 * Year tools: one-click presets (usual Ombudsman sample, fixed PEKPPP lokus) and moving
 * the year to a newer version of an instrument with a preview and an editable mapping
 * of renamed or split codes. The host plans, checks, backs up and moves; this shows it.
 */
import { useState } from 'react';
import type { CodeMapping, MovePreview } from '../../../shared/channels/instruments';
import type { UnitPreset } from '../../../shared/channels/presets';
import type { InstrumentSummary, PeriodDetail } from '../../../shared/types';
import { Badge, FamilyBadge } from '../../components/badge';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import '../../styles/instrument-tools.css';

function Presets({ period, onChanged }: { period: PeriodDetail; onChanged: (next: PeriodDetail) => void }) {
  const toast = useToast();
  const presets = useQuery(`presets-${period.id}-${period.unitCount}-${period.sampleCount}`, () => api['presets:list']({ periodId: period.id }));
  const [busy, setBusy] = useState<string | null>(null);
  const apply = async (preset: UnitPreset) => {
    setBusy(preset.code);
    try {
      const result = await api['presets:apply']({ periodId: period.id, code: preset.code });
      const missing = result.missing.length > 0 ? ` Belum ada di daftar unit: ${result.missing.join(', ')}.` : '';
      toast.success(`${preset.label} diterapkan`, `${formatCount(result.added)} unit ditambahkan ke cakupan, ${formatCount(result.sampled)} ditandai sampel.${missing}`);
      onChanged(result.period);
    } catch (error) {
      toast.error(`${preset.label} tidak diterapkan`, errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  if (!presets.data) return null;
  return (
    <div className="year-tools__block">
      <h3>Sampel dan lokus sekali klik</h3>
      <ul className="year-tools__list">
        {presets.data.map((preset) => (
          <li key={preset.code}>
            <div>
              <strong>{preset.label}</strong> {preset.applies ? null : <Badge>tidak untuk pemda/tahun ini</Badge>}
              <div className="text-subtle">{preset.note}</div>
              <div className="text-muted">
                {formatCount(preset.matched.length)} unit ditemukan{preset.missing.length > 0 ? ` · belum ada: ${preset.missing.join(', ')}` : ''}
              </div>
            </div>
            <Button size="sm" onClick={() => apply(preset)} busy={busy === preset.code} disabled={busy !== null || preset.matched.length === 0}>
              {preset.purpose === 'sample' ? 'Masukkan & tandai sampel' : 'Masukkan ke cakupan'}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MoveDialog({ period, from, to, onClose, onMoved }: { period: PeriodDetail; from: InstrumentSummary; to: InstrumentSummary; onClose: () => void; onMoved: () => void }) {
  const toast = useToast();
  const [edits, setEdits] = useState<CodeMapping>({ indicators: {}, requirements: {} });
  const key = JSON.stringify(edits);
  const preview = useQuery(`move-${period.id}-${from.id}-${to.id}-${key}`, () => api['instruments:move-preview']({ periodId: period.id, fromInstrumentId: from.id, toInstrumentId: to.id, mapping: edits }));
  const [busy, setBusy] = useState(false);
  const plan: MovePreview | undefined = preview.data;
  const setTarget = (kind: 'indikator' | 'bukti', code: string, slot: number, value: string) => {
    const field = kind === 'indikator' ? 'indicators' : 'requirements';
    const current = [...(plan?.mapping[field][code] ?? [])];
    current[slot] = value;
    setEdits((previous) => ({ ...previous, [field]: { ...previous[field], [code]: current.filter(Boolean) } }));
  };
  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const result = await api['instruments:move-apply']({ periodId: period.id, fromInstrumentId: from.id, toInstrumentId: to.id, mapping: plan.mapping, token: plan.token });
      toast.success(`${period.name} memakai ${to.shortName} versi ${to.version}`, `${formatCount(result.itemsMoved)} bukti dukung dan ${formatCount(result.levelsMoved)} tingkat dipindah; cadangan ${result.backupId ?? ''} dibuat sebelumnya.`);
      onMoved();
    } catch (error) {
      toast.error('Pemindahan gagal; tidak ada yang diubah', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const rows = plan ? [...plan.unmapped, ...plan.moves.filter((row) => row.targets.length !== 1 || row.targets[0]!.code !== row.code)] : [];
  const freshOf = (kind: 'indikator' | 'bukti') => plan?.fresh.filter((item) => item.kind === kind) ?? [];
  return (
    <Dialog
      open
      title={`Pindah ke ${to.shortName} versi ${to.version}`}
      description={`Status, bukti, dan tingkat ${period.name} dibawa menurut kode. Kode yang berganti nama atau dipecah dapat dipadankan di bawah. Cadangan terverifikasi dibuat sebelum memindah.`}
      onClose={onClose}
      busy={busy}
      size="lg"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Batal
          </Button>
          <Button variant="primary" icon="check" onClick={apply} busy={busy} disabled={!plan || plan.problems.length > 0}>
            Pindahkan
          </Button>
        </>
      }
    >
      {preview.error ? <p className="alert alert--error">{errorMessage(preview.error)}</p> : null}
      {plan ? (
        <div className="year-tools__move">
          <p>
            <Badge tone="green">{formatCount(plan.itemsMoved)} data pindah</Badge> <Badge tone={plan.itemsLeft > 0 ? 'amber' : 'neutral'}>{formatCount(plan.itemsLeft)} data tanpa padanan</Badge>{' '}
            <Badge>{formatCount(plan.fresh.length)} kode baru mulai kosong</Badge>
          </p>
          {plan.problems.map((problem) => (
            <p key={problem} className="alert alert--error" role="alert">
              {problem}
            </p>
          ))}
          {rows.length === 0 ? (
            <p className="text-muted">Semua kode yang berisi data ada di versi baru dengan kode yang sama.</p>
          ) : (
            <table className="static-table itool-table" aria-label="Padanan kode">
              <thead>
                <tr>
                  <th scope="col">Kode lama</th>
                  <th scope="col">Data</th>
                  <th scope="col">Kode baru</th>
                  <th scope="col">Kode baru kedua (bila dipecah)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const field = row.kind === 'indikator' ? 'indicators' : 'requirements';
                  const targets = plan.mapping[field][row.code] ?? [];
                  const options = [...new Map([...row.targets, ...freshOf(row.kind)].map((item) => [item.code, item])).values()];
                  return (
                    <tr key={`${row.kind}-${row.code}`}>
                      <td>
                        <code>{row.code}</code>
                        <div className="text-subtle">{row.name}</div>
                      </td>
                      <td className="cell--center">{formatCount(row.items)}</td>
                      {[0, 1].map((slot) => (
                        <td key={slot}>
                          <select className="input select" aria-label={`Kode baru ${slot + 1} untuk ${row.code}`} value={targets[slot] ?? ''} onChange={(event) => setTarget(row.kind, row.code, slot, event.target.value)}>
                            <option value="">{slot === 0 ? 'Tidak dipindah' : '—'}</option>
                            {options.map((option) => (
                              <option key={option.code} value={option.code}>
                                {option.code} — {option.name.slice(0, 60)}
                              </option>
                            ))}
                          </select>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      ) : (
        <p className="text-muted">Menyusun pratinjau…</p>
      )}
    </Dialog>
  );
}

export function YearTools({ period, instruments, onChanged, onReload }: { period: PeriodDetail; instruments: InstrumentSummary[]; onChanged: (next: PeriodDetail) => void; onReload: () => void }) {
  const [moving, setMoving] = useState<{ from: InstrumentSummary; to: InstrumentSummary } | null>(null);
  const newer = period.instruments.flatMap((current) =>
    instruments.filter((other) => other.family === current.family && other.id !== current.id && !period.instruments.some((used) => used.id === other.id) && other.id > current.id).map((other) => ({ from: current, to: other })),
  );
  return (
    <section className="year-tools" aria-label="Alat tahun penilaian">
      <Presets period={period} onChanged={onChanged} />
      <div className="year-tools__block">
        <h3>Versi instrumen</h3>
        {newer.length === 0 ? (
          <p className="text-muted">Tidak ada versi instrumen yang lebih baru. Versi baru masuk lewat Instrumen › Impor instrumen.</p>
        ) : (
          <ul className="year-tools__list">
            {newer.map(({ from, to }) => (
              <li key={`${from.id}-${to.id}`}>
                <div>
                  <FamilyBadge family={to.family} /> <strong>{to.shortName}</strong> versi {to.version}
                  <div className="text-subtle">Tahun ini memakai {from.shortName} versi {from.version}.</div>
                </div>
                <Button size="sm" onClick={() => setMoving({ from, to })}>
                  Pindah ke versi ini…
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {moving ? (
        <MoveDialog
          period={period}
          from={moving.from}
          to={moving.to}
          onClose={() => setMoving(null)}
          onMoved={() => {
            setMoving(null);
            onReload();
          }}
        />
      ) : null}
    </section>
  );
}
