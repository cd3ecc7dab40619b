/**
 * Status changes of the Daftar Periksa, single and bulk, each with *Urungkan* on its toast.
 *
 * Both go through `checklist:set-status-bulk` (one requirement is a bulk of one), so the
 * server hands back the history entries to undo with and one rule decides for both. A bulk
 * change asks the server first (dry run): when some rows cannot take the status ("3 belum
 * punya bukti") the office confirms applying to the others; nothing is judged here.
 */
import { EVIDENCE_STATUS_LABELS, type ChecklistRequirement, type EvidenceStatus } from '../../../shared/types';
import type { BulkStatusResult } from '../../../shared/channels/checklist-bulk';
import { useConfirm } from '../../components/confirm';
import { api, errorMessage } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';

const ref = (requirement: ChecklistRequirement) => ({ instrumentId: requirement.instrumentId, requirementCode: requirement.code });

interface Options {
  periodId: number;
  unitId: number;
  /** Show what the server returned (only if that unit is still on screen). */
  apply: (forUnit: number, requirements: ChecklistRequirement[]) => void;
}

function RefusalList({ preview, status }: { preview: BulkStatusResult; status: EvidenceStatus }) {
  const shown = preview.refused.slice(0, 8);
  return (
    <>
      <p>
        <strong>{formatCount(preview.changed.length)} dapat diubah</strong> menjadi “{EVIDENCE_STATUS_LABELS[status]}”,{' '}
        <strong>{formatCount(preview.refused.length)} belum punya bukti</strong> (berkas atau tautan) sehingga tidak ikut diubah:
      </p>
      <ul className="bulk-refused">
        {shown.map((entry) => (
          <li key={`${entry.instrumentId}:${entry.requirementCode}`}>{entry.text}</li>
        ))}
        {preview.refused.length > shown.length ? <li>dan {formatCount(preview.refused.length - shown.length)} lainnya</li> : null}
      </ul>
      {preview.unchanged > 0 ? <p>{formatCount(preview.unchanged)} lainnya sudah berstatus itu.</p> : null}
    </>
  );
}

export function useStatusChanges({ periodId, unitId, apply }: Options) {
  const toast = useToast();
  const confirm = useConfirm();

  const undo = async (forUnit: number, result: BulkStatusResult) => {
    const changes = result.changed.map(({ instrumentId, requirementCode, historyId }) => ({ instrumentId, requirementCode, historyId }));
    try {
      const undone = await api['checklist:undo-status']({ periodId, unitId: forUnit, changes });
      apply(forUnit, undone.requirements);
      toast.success(
        undone.reverted === 1 ? 'Perubahan status diurungkan' : `${formatCount(undone.reverted)} perubahan status diurungkan`,
        'Status sebelumnya dikembalikan; riwayat mencatatnya sebagai “Urungkan”.',
      );
    } catch (error) {
      toast.error('Tidak dapat diurungkan', errorMessage(error));
    }
  };

  const offerUndo = (forUnit: number, result: BulkStatusResult, title: string, detail: string) => {
    if (result.changed.length === 0) return;
    toast.success(title, detail, { action: { label: 'Urungkan', run: () => void undo(forUnit, result) } });
  };

  /** One requirement; throws the server's message (a dialog shows it, or the caller toasts it). */
  const setOne = async (requirement: ChecklistRequirement, status: EvidenceStatus, reason?: string) => {
    const forUnit = unitId;
    const result = await api['checklist:set-status-bulk']({ periodId, unitId: forUnit, items: [ref(requirement)], status, ...(reason ? { reason } : {}) });
    apply(forUnit, result.requirements);
    offerUndo(forUnit, result, `Status diubah: ${EVIDENCE_STATUS_LABELS[status]}`, requirement.text);
  };

  /** Many requirements; resolves true when something changed. Throws the server's message. */
  const setMany = async (requirements: ChecklistRequirement[], status: EvidenceStatus, reason?: string): Promise<boolean> => {
    const forUnit = unitId;
    const input = { periodId, unitId: forUnit, items: requirements.map(ref), status, ...(reason ? { reason } : {}) };
    const preview = await api['checklist:set-status-bulk']({ ...input, dryRun: true });
    const label = EVIDENCE_STATUS_LABELS[status];
    if (preview.changed.length === 0) {
      if (preview.refused.length > 0) {
        toast.error('Tidak ada yang dapat diubah', `${formatCount(preview.refused.length)} persyaratan yang dipilih belum punya berkas atau tautan bukti, jadi belum dapat ditandai “${label}”. Lampirkan buktinya dulu.`);
      } else {
        toast.info('Tidak ada yang berubah', `Semua persyaratan yang dipilih sudah berstatus “${label}”.`);
      }
      return false;
    }
    if (preview.refused.length > 0) {
      const ok = await confirm({
        title: `Ubah ${formatCount(preview.changed.length)} dari ${formatCount(requirements.length)} persyaratan?`,
        message: <RefusalList preview={preview} status={status} />,
        confirmLabel: `Ubah ${formatCount(preview.changed.length)} persyaratan`,
        tone: 'primary',
      });
      if (!ok) return false;
    }
    const result = await api['checklist:set-status-bulk']({ ...input, skipRefused: preview.refused.length > 0 });
    apply(forUnit, result.requirements);
    const skipped = result.refused.length > 0 ? ` ${formatCount(result.refused.length)} belum punya bukti dan tidak diubah.` : '';
    offerUndo(forUnit, result, `${formatCount(result.changed.length)} persyaratan diubah: ${label}`, `Satu baris riwayat untuk setiap persyaratan.${skipped}`);
    return result.changed.length > 0;
  };

  return { setOne, setMany };
}
