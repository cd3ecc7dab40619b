/**
 * The Ombudsman side of one unit: the survey result and follow-up the office enters,
 * and the readiness estimate per dimension — always labelled "estimasi kesiapan".
 */
import { useState } from 'react';
import type { UnitFindings } from '../../../shared/channels/ombudsman';
import type { OmbudsmanInputs, UnitScores } from '../../../shared/types';
import { BandCode, EstimateTag, ZoneBadge } from '../../components/badge';
import { FormPanel } from '../../components/form-panel';
import { Checkbox, TextField } from '../../components/field';
import { ErrorState, Loading } from '../../components/states';
import { api, errorMessage, fieldErrors } from '../../lib/api';
import { formatCount, formatNumber } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { OmbudsmanChart } from './ombudsman-chart';

function parseTrust(text: string): number | null | 'invalid' {
  const value = text.trim().replace(',', '.');
  if (value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : 'invalid';
}

function InputsForm({ inputs, trustLabel, periodId, unitId, onSaved, findings }: { inputs: OmbudsmanInputs; trustLabel: string | null; periodId: number; unitId: number; onSaved: () => void; findings: UnitFindings | null }) {
  const toast = useToast();
  const [trust, setTrust] = useState(inputs.trust === null ? '' : formatCount(inputs.trust));
  const [followedUp, setFollowedUp] = useState(inputs.followedUp);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const value = parseTrust(trust);
    if (value === 'invalid') {
      setErrors({ trust: 'Tulis angka 0–100, misalnya 82,5.' });
      return;
    }
    setBusy(true);
    try {
      await api['ombudsman:set-inputs']({ periodId, unitId, trust: trustLabel ? value : null, followedUp });
      setErrors({});
      toast.success('Data Ombudsman disimpan');
      onSaved();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) toast.error('Data Ombudsman tidak tersimpan', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormPanel titleId="om-input-title" title="Masukan penilaian" subtitle="Diisi Bagian Organisasi dari hasil survei dan tindak lanjut unit." saveLabel="Simpan masukan" busy={busy} onSave={() => void save()}>
      <div className="stack stack--tight">
        {trustLabel ? (
          <TextField
            label={`Hasil survei ${trustLabel} (0–100)`}
            value={trust}
            onChange={setTrust}
            inputMode="numeric"
            placeholder="mis. 82,5"
            error={errors['trust']}
            hint="Kosongkan bila survei belum dilakukan; nilai akhir baru dapat dihitung setelah diisi."
          />
        ) : null}
        {findings && findings.summary.total > 0 ? (
          // With findings logged, the log decides the flag (kept in step by the host).
          <div className="followup-readiness" role="status">
            <strong>{findings.readiness?.label ?? 'Tindak lanjut temuan'}</strong>
            <span>{findings.readiness?.message}</span>
            <a href={href(`/ombudsman/${unitId}`)}>Buka log tindak lanjut temuan</a>
          </div>
        ) : (
          <Checkbox
            label="Sudah menindaklanjuti temuan Ombudsman"
            description="LAHP, LHA atau rekomendasi Ombudsman tahun lalu sudah ditindaklanjuti (predikat “Tanpa Maladministrasi”). Bila temuan dicatat di Survei & Temuan, status ini mengikuti log."
            checked={followedUp}
            onChange={setFollowedUp}
          />
        )}
      </div>
    </FormPanel>
  );
}

function Estimate({ data }: { data: NonNullable<UnitScores['ombudsman']> }) {
  const { report } = data;
  return (
    <section className="panel panel--padded" aria-labelledby="om-estimate-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="om-estimate-title">
            Estimasi kesiapan Ombudsman <EstimateTag title="Perkiraan Patuh dari bukti yang sudah terverifikasi; bukan nilai resmi Ombudsman RI." />
          </h2>
          <p className="panel__subtitle">
            {report.instrument.shortName} · {data.sample ? 'unit sampel Ombudsman' : 'bukan unit sampel tahun ini'}
          </p>
        </div>
      </div>
      <div className="om-total" data-testid="ombudsman-total">
        <div className="om-total__value">{report.total === null ? '–' : formatNumber(report.total, 2)}</div>
        <div className="om-total__text">
          <span className="om-total__label">estimasi kesiapan (0–100)</span>
          <span className="om-total__badges">
            {report.band ? <BandCode band={report.band} /> : null}
            {report.zone ? <ZoneBadge zone={report.zone} /> : null}
            {report.band?.estimated ? <EstimateTag title="Batas kategori Ombudsman disimpulkan dari nilai yang pernah diterbitkan." /> : null}
          </span>
          {report.opinion ? <span className="om-total__opinion">{report.opinion}</span> : null}
          {report.total === null ? <span className="text-subtle">Nilai akhir menunggu hasil survei.</span> : null}
        </div>
        <div className="om-total__dims">
          Nilai dimensi <strong>{formatNumber(report.dimensionsScore, 2)}</strong>
        </div>
      </div>
      <OmbudsmanChart report={report} />
      {report.notes.length > 0 ? (
        <ul className="notes-list">
          {report.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      ) : null}
      <details className="derivation derivation--inline">
        <summary>Cara menghitung</summary>
        <ol className="derivation__lines">
          {report.derivation.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

export function OmbudsmanPanel({ periodId, unitId }: { periodId: number; unitId: number }) {
  const scores = useQuery(`ombudsman-${periodId}-${unitId}`, () => api['scores:unit']({ periodId, unitId }));
  const findings = useQuery(`ombudsman-findings-${periodId}-${unitId}`, () => api['ombudsman:findings']({ periodId, unitId }));
  if (scores.error && !scores.data) return <ErrorState error={scores.error} onRetry={scores.reload} />;
  if (!scores.data) return <Loading />;
  const ombudsman = scores.data.ombudsman;
  if (!ombudsman) return <ErrorState error={new Error('Tahun ini tidak memakai instrumen Ombudsman.')} />;
  return (
    <div className="om-layout">
      <Estimate data={ombudsman} />
      <InputsForm
        key={`${ombudsman.inputs.trust}-${ombudsman.inputs.followedUp}`}
        inputs={ombudsman.inputs}
        trustLabel={ombudsman.report.trust?.label ?? null}
        periodId={periodId}
        unitId={unitId}
        onSaved={scores.reload}
        findings={findings.data ?? null}
      />
    </div>
  );
}
