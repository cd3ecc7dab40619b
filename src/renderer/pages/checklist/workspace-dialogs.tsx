/**
 * The dialogs of the Daftar Periksa (reasons for a status, single or bulk, hiding and
 * adding requirements, links, the unit library, editing evidence), split from
 * checklist-workspace.tsx; each reports back through the workspace's callbacks.
 */
import type { Checklist, ChecklistIndicator, ChecklistRequirement, EvidenceItem, EvidenceLinkResult, EvidenceStatus } from '../../../shared/types';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { EditEvidenceDialog, LibraryDialog, LinkDialog } from './evidence-dialogs';
import { findRequirement, insertRequirement, reqKeyOf, updateEvidence, type NodeView, type ReqKey } from './model';
import { AddRequirementDialog, HiddenDialog, ReasonDialog } from './requirement-dialogs';

export type DialogState =
  | { kind: 'reason'; requirement: ChecklistRequirement; status: 'perlu_perbaikan' | 'tidak_berlaku' }
  | { kind: 'bulk-reason'; status: 'perlu_perbaikan' | 'tidak_berlaku'; count: number }
  | { kind: 'hide'; requirement: ChecklistRequirement }
  | { kind: 'add'; indicator: ChecklistIndicator }
  | { kind: 'hidden'; indicator: ChecklistIndicator | null }
  | { kind: 'link'; requirement: ChecklistRequirement }
  | { kind: 'library'; requirement: ChecklistRequirement }
  | { kind: 'edit'; item: EvidenceItem };

interface WorkspaceDialogsProps {
  dialog: DialogState | null;
  checklist: Checklist;
  node: NodeView | null;
  onClose: () => void;
  /** Throws to keep the reason dialog open with the server's message. */
  saveStatus: (requirement: ChecklistRequirement, status: EvidenceStatus, reason?: string) => Promise<void>;
  /** Reports its own failures (the dialog is closed first: the confirmation may follow). */
  saveBulk: (status: EvidenceStatus, reason: string) => Promise<void>;
  patch: (forUnit: number, change: (current: Checklist) => Checklist) => void;
  onSelectKey: (key: ReqKey) => void;
  evidenceAdded: (result: EvidenceLinkResult) => void;
  reloadChecklist: () => void;
  reloadProgress: () => void;
}

export function WorkspaceDialogs({ dialog, checklist, node, onClose, saveStatus, saveBulk, patch, onSelectKey, evidenceAdded, reloadChecklist, reloadProgress }: WorkspaceDialogsProps) {
  const toast = useToast();
  const periodId = checklist.periodId;
  const unitId = checklist.unit.id;
  const itemKey = (requirement: ChecklistRequirement) => ({ periodId, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code });
  return (
    <>
        {dialog?.kind === 'reason' ? (
          <ReasonDialog
            title={dialog.status === 'perlu_perbaikan' ? 'Perlu perbaikan' : 'Tidak berlaku'}
            description={<span className="dialog-req">{dialog.requirement.text}</span>}
            label={dialog.status === 'perlu_perbaikan' ? 'Apa yang perlu diperbaiki?' : 'Mengapa persyaratan ini tidak berlaku untuk unit ini?'}
            placeholder={dialog.status === 'perlu_perbaikan' ? 'Misalnya: SK belum ditandatangani kepala unit; lampiran 14 komponen belum lengkap.' : 'Misalnya: Unit tidak menyelenggarakan layanan tatap muka.'}
            confirmLabel={dialog.status === 'perlu_perbaikan' ? 'Tandai perlu perbaikan' : 'Tandai tidak berlaku'}
            initial={dialog.requirement.status === dialog.status ? dialog.requirement.reason : ''}
            onClose={() => onClose()}
            onSubmit={async (reason) => {
              await saveStatus(dialog.requirement, dialog.status, reason);
              onClose();
            }}
          />
        ) : null}
        {dialog?.kind === 'bulk-reason' ? (
          <ReasonDialog
            title={`${dialog.status === 'perlu_perbaikan' ? 'Perlu perbaikan' : 'Tidak berlaku'} — ${formatCount(dialog.count)} persyaratan`}
            description={<span className="dialog-note">Satu alasan untuk semua persyaratan yang dipilih; setiap persyaratan mendapat satu baris riwayat.</span>}
            label={dialog.status === 'perlu_perbaikan' ? 'Apa yang perlu diperbaiki?' : 'Mengapa persyaratan ini tidak berlaku untuk unit ini?'}
            confirmLabel={`${dialog.status === 'perlu_perbaikan' ? 'Tandai perlu perbaikan' : 'Tandai tidak berlaku'} (${formatCount(dialog.count)})`}
            onClose={() => onClose()}
            onSubmit={async (reason) => {
              const status = dialog.status;
              onClose();
              await saveBulk(status, reason);
            }}
          />
        ) : null}
        {dialog?.kind === 'hide' ? (
          <ReasonDialog
            title="Sembunyikan persyaratan"
            description={
              <>
                <span className="dialog-req">{dialog.requirement.text}</span>
                <span className="dialog-note">Disembunyikan untuk semua unit pada tahun {checklist.year}; dapat ditampilkan lagi kapan saja.</span>
              </>
            }
            label="Alasan disembunyikan"
            placeholder="Misalnya: Tidak diminta pada juknis tahun ini."
            confirmLabel="Sembunyikan"
            tone="danger"
            onClose={() => onClose()}
            onSubmit={async (reason) => {
              await api['checklist:hide-requirement']({ periodId, instrumentId: dialog.requirement.instrumentId, requirementCode: dialog.requirement.code, reason });
              onClose();
              toast.success('Persyaratan disembunyikan', dialog.requirement.text);
              reloadChecklist();
              reloadProgress();
            }}
          />
        ) : null}
        {dialog?.kind === 'add' && node ? (
          <AddRequirementDialog
            periodId={periodId}
            year={checklist.year}
            instrument={node.instrument}
            indicator={dialog.indicator}
            onClose={() => onClose()}
            onAdded={(requirement) => {
              patch(checklist.unit.id, (current) => insertRequirement(current, requirement));
              onSelectKey(reqKeyOf(requirement));
              onClose();
              reloadProgress();
              toast.success('Persyaratan tambahan ditambahkan', requirement.text);
            }}
          />
        ) : null}
        {dialog?.kind === 'hidden' && node ? (
          <HiddenDialog
            periodId={periodId}
            year={checklist.year}
            instrument={node.instrument}
            indicator={dialog.indicator}
            onClose={() => onClose()}
            onUnhidden={(row) => {
              toast.success('Persyaratan ditampilkan lagi', row.text);
              reloadChecklist();
              reloadProgress();
            }}
          />
        ) : null}
        {dialog?.kind === 'link' ? (
          <LinkDialog
            itemKey={itemKey(dialog.requirement)}
            requirementText={dialog.requirement.text}
            onClose={() => onClose()}
            onAdded={(item) => {
              evidenceAdded(item);
              onClose();
              toast.success('Tautan ditambahkan', item.title);
            }}
          />
        ) : null}
        {dialog?.kind === 'library' ? (
          <LibraryDialog
            itemKey={itemKey(dialog.requirement)}
            unitName={checklist.unit.name}
            requirementText={dialog.requirement.text}
            linkedIds={new Set((findRequirement(checklist, reqKeyOf(dialog.requirement)) ?? dialog.requirement).evidence.map((item) => item.id))}
            onClose={() => onClose()}
            onAttached={(item) => evidenceAdded(item)}
          />
        ) : null}
        {dialog?.kind === 'edit' ? (
          <EditEvidenceDialog
            item={dialog.item}
            onClose={() => onClose()}
            onSaved={(item) => {
              patch(checklist.unit.id, (current) => updateEvidence(current, item));
              // A new document date changes kedaluwarsa: the server judges it again.
              reloadChecklist();
              onClose();
              toast.success('Bukti diperbarui', item.title);
            }}
          />
        ) : null}
    </>
  );
}
