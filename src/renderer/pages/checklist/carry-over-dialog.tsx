/** "Salin dari tahun sebelumnya": carry a unit's (or every unit's) checklist over from an earlier year. */
import { useState } from 'react';
import type { CarryOverReport, Period } from '../../../shared/types';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { FormAlert, SelectField } from '../../components/field';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';

interface CarryOverDialogProps {
  target: Period;
  periods: Period[];
  unit: { id: number; name: string } | null;
  onClose: () => void;
  onDone: (report: CarryOverReport) => void;
}

/** Earlier years first (newest first), later ones after: carrying over usually goes forward. */
export function sourceYears(target: Period, periods: Period[]): Period[] {
  const others = periods.filter((period) => period.id !== target.id);
  const earlier = others.filter((period) => period.year < target.year).sort((a, b) => b.year - a.year);
  const later = others.filter((period) => period.year > target.year).sort((a, b) => a.year - b.year);
  return [...earlier, ...later];
}

export function CarryOverDialog({ target, periods, unit, onClose, onDone }: CarryOverDialogProps) {
  const sources = sourceYears(target, periods);
  const [sourceId, setSourceId] = useState(String(sources[0]?.id ?? ''));
  const [scope, setScope] = useState<'unit' | 'all'>(unit ? 'unit' : 'all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<CarryOverReport | null>(null);
  const source = sources.find((period) => String(period.id) === sourceId) ?? null;

  const submit = async () => {
    if (!source) return;
    if (report) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api['checklist:carry-over']({
        fromPeriodId: source.id,
        toPeriodId: target.id,
        ...(scope === 'unit' && unit ? { unitIds: [unit.id] } : {}),
      });
      setReport(result);
      onDone(result);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title="Salin dari tahun sebelumnya"
      description={`Ke ${target.name}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      footer={
        report ? (
          <Button type="submit" variant="primary">
            Selesai
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              Batal
            </Button>
            <Button type="submit" variant="primary" icon="restore" busy={busy} disabled={!source}>
              Salin sekarang
            </Button>
          </>
        )
      }
    >
      <FormAlert message={error} />
      {report ? (
        <div className="carry-report" role="status">
          <div className="carry-report__title">
            Penyalinan dari {source?.name ?? 'tahun sebelumnya'} selesai
          </div>
          <dl className="carry-report__grid">
            <div>
              <dt>Unit</dt>
              <dd>{formatCount(report.units)}</dd>
            </div>
            <div>
              <dt>Persyaratan disalin</dt>
              <dd>{formatCount(report.items)}</dd>
            </div>
            <div>
              <dt>Tautan bukti</dt>
              <dd>{formatCount(report.links)}</dd>
            </div>
            <div>
              <dt>Persyaratan tambahan kantor</dt>
              <dd>{formatCount(report.customRequirements)}</dd>
            </div>
          </dl>
          <p className="text-muted">
            {report.items > 0
              ? 'Persyaratan yang disalin berstatus "Menunggu verifikasi": periksa ulang dan verifikasi bila masih berlaku untuk tahun ini.'
              : 'Tidak ada yang perlu disalin: tahun asal belum berisi bukti untuk unit ini, atau tahun ini sudah dikerjakan.'}
          </p>
        </div>
      ) : sources.length === 0 ? (
        <div className="alert alert--info">Belum ada tahun penilaian lain untuk disalin. Buat tahun penilaian sebelumnya terlebih dahulu.</div>
      ) : (
        <div className="stack stack--tight">
          <SelectField label="Salin dari tahun" value={sourceId} onChange={setSourceId}>
            {sources.map((period) => (
              <option key={period.id} value={period.id}>
                {period.name}
              </option>
            ))}
          </SelectField>
          <fieldset className="scope-choice">
            <legend className="field__label">Unit</legend>
            {unit ? (
              <label className="radio">
                <input type="radio" name="carry-scope" checked={scope === 'unit'} onChange={() => setScope('unit')} />
                <span>
                  Hanya {unit.name}
                  <span className="radio__hint">Daftar periksa unit lain tidak berubah.</span>
                </span>
              </label>
            ) : null}
            <label className="radio">
              <input type="radio" name="carry-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              <span>
                Semua unit
                <span className="radio__hint">Setiap unit yang dinilai pada kedua tahun.</span>
              </span>
            </label>
          </fieldset>
          <ul className="carry-notes">
            <li>Bukti dukung tetap tertaut; berkas tidak digandakan.</li>
            <li>Persyaratan yang sudah berisi menjadi "Menunggu verifikasi" agar diperiksa ulang; catatan ikut disalin.</li>
            <li>Persyaratan tambahan kantor ikut disalin.</li>
            <li>Persyaratan yang sudah dikerjakan pada {target.name} tidak diubah.</li>
          </ul>
        </div>
      )}
    </Dialog>
  );
}
