/**
 * Log tindak lanjut temuan Ombudsman of a unit: every temuan, saran/tindakan korektif
 * and rekomendasi with its source year, deadline, status and evidence, and whether
 * "Tanpa Maladministrasi" is within reach — the host's answer, shown as is.
 */
import { useState } from 'react';
import { FINDING_KINDS, FINDING_KIND_LABELS, FINDING_STATUSES, FINDING_STATUS_LABELS, type FindingKind, type FindingStatus } from '../../../core/ombudsman/follow-up';
import type { Finding, UnitFindings } from '../../../shared/channels/ombudsman';
import { Badge, type Tone } from '../../components/badge';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { DateField } from '../../components/date-field';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { api, errorMessage } from '../../lib/api';
import { formatCount, formatDate } from '../../lib/format';
import { useToast } from '../../lib/toast';

const STATUS_TONE: Record<FindingStatus, Tone> = { belum: 'red', proses: 'amber', selesai: 'green' };
const READINESS_TONE = { 'tidak-berlaku': 'neutral', 'belum-dicatat': 'blue', tercapai: 'green', terbuka: 'amber' } as const;

interface Draft {
  sourceYear: string;
  kind: FindingKind;
  text: string;
  deadline: string;
  status: FindingStatus;
  evidence: string;
}

function FindingDialog({ data, finding, onClose, onSaved }: { data: UnitFindings; finding: Finding | null; onClose: () => void; onSaved: (next: UnitFindings) => void }) {
  const [draft, setDraft] = useState<Draft>({
    sourceYear: String(finding?.sourceYear ?? data.year - 1),
    kind: finding?.kind ?? 'temuan',
    text: finding?.text ?? '',
    deadline: finding?.deadline ?? '',
    status: finding?.status ?? 'belum',
    evidence: finding?.evidence ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await api['ombudsman:save-finding']({
          periodId: data.periodId,
          unitId: data.unitId,
          ...(finding ? { id: finding.id } : {}),
          sourceYear: Number(draft.sourceYear),
          kind: draft.kind,
          text: draft.text,
          deadline: draft.deadline === '' ? null : draft.deadline,
          status: draft.status,
          evidence: draft.evidence,
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog title={finding ? 'Ubah temuan' : 'Catat temuan Ombudsman'} busy={busy} formError={error} onClose={onClose} onSubmit={submit} submitLabel="Simpan" submitIcon="check" size="md">
      <div className="form-grid">
        <TextField label="Tahun penilaian asal" value={draft.sourceYear} onChange={set('sourceYear')} inputMode="numeric" required />
        <SelectField label="Jenis" value={draft.kind} onChange={(value) => set('kind')(value as FindingKind)}>
          {FINDING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {FINDING_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Uraian temuan" value={draft.text} onChange={set('text')} rows={3} maxLength={4000} required className="form-grid__full" />
        <DateField label="Tenggat tindak lanjut" value={draft.deadline} onChange={set('deadline')} />
        <SelectField label="Status" value={draft.status} onChange={(value) => set('status')(value as FindingStatus)}>
          {FINDING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {FINDING_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Bukti tindak lanjut (tautan atau uraian)" value={draft.evidence} onChange={set('evidence')} rows={2} maxLength={2000} hint="Wajib diisi untuk status Selesai." className="form-grid__full" />
      </div>
    </FormDialog>
  );
}

export function FindingsSection({ data, onChange }: { data: UnitFindings; onChange: (next: UnitFindings) => void }) {
  const toast = useToast();
  const confirm = useConfirm();
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const readiness = data.readiness;
  const remove = async (finding: Finding) => {
    const ok = await confirm({ title: 'Hapus temuan?', message: `“${finding.text}” dihapus dari log (tercatat di riwayat).`, confirmLabel: 'Hapus', tone: 'danger' });
    if (!ok) return;
    try {
      onChange(await api['ombudsman:remove-finding']({ periodId: data.periodId, unitId: data.unitId, id: finding.id }));
    } catch (failure) {
      toast.error('Temuan tidak dihapus', errorMessage(failure));
    }
  };
  return (
    <section className="stm-section" aria-labelledby="stm-findings">
      <div className="stm-section__head">
        <h2 id="stm-findings">Tindak lanjut temuan Ombudsman</h2>
        <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
          Catat temuan
        </Button>
      </div>
      {readiness ? (
        <div className={`stm-readiness stm-readiness--${readiness.state}`} role="status">
          <Badge tone={READINESS_TONE[readiness.state]}>{readiness.label ?? 'Keterangan opini'}</Badge>
          <span>{readiness.message}</span>
          <span className="text-subtle">
            {formatCount(data.summary.open)} terbuka · {formatCount(data.summary.overdue)} lewat tenggat · {formatCount(data.summary.done)} selesai
          </span>
        </div>
      ) : null}
      {data.findings.length === 0 ? (
        <p className="text-muted">Belum ada temuan, saran, atau rekomendasi Ombudsman yang dicatat untuk unit ini.</p>
      ) : (
        <div className="stm-table-wrap">
          <table className="static-table stm-table" aria-label="Log tindak lanjut temuan">
            <thead>
              <tr>
                <th scope="col">Tahun</th>
                <th scope="col">Jenis</th>
                <th scope="col">Uraian</th>
                <th scope="col">Tenggat</th>
                <th scope="col">Status</th>
                <th scope="col">Bukti</th>
                <th scope="col">
                  <span className="sr-only">Aksi</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.findings.map((finding) => (
                <tr key={finding.id} className={finding.counts ? undefined : 'stm-table__muted'}>
                  <td>{finding.sourceYear}</td>
                  <td>{finding.kindLabel}</td>
                  <td>{finding.text}</td>
                  <td>
                    {finding.deadline ? formatDate(finding.deadline) : '—'}
                    {finding.overdue ? (
                      <div>
                        <Badge tone="red">lewat tenggat</Badge>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <Badge tone={STATUS_TONE[finding.status]}>{finding.statusLabel}</Badge>
                  </td>
                  <td className="stm-table__evidence">{finding.evidence || '—'}</td>
                  <td>
                    <div className="row-actions">
                      <Button size="sm" variant="ghost" icon="edit" onClick={() => setEditing(finding)} aria-label={`Ubah temuan ${finding.text}`} />
                      <Button size="sm" variant="ghost" icon="trash" onClick={() => remove(finding)} aria-label={`Hapus temuan ${finding.text}`} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <FindingDialog
          data={data}
          finding={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            toast.success('Temuan disimpan');
            onChange(next);
          }}
        />
      ) : null}
    </section>
  );
}
