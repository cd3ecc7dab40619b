/**
 * Evidence actions of the Daftar Periksa (upload one by one with progress, the desktop file
 * dialog, links and library reuse, detach, trash, open, drop), split from
 * checklist-workspace.tsx. Each shows the requirement the host returned, as is.
 */
import { useState } from 'react';
import type { AttachReport, Checklist, ChecklistRequirement, EvidenceLinkResult, EvidenceStatus, LinkedEvidence } from '../../../shared/types';
import { useConfirm } from '../../components/confirm';
import { api, errorMessage, openEvidence } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { applyAttached, findRequirement, removeEvidence, replaceRequirement, reqKeyOf, type ReqKey } from './model';
import type { UploadState } from './requirement-list';

/** The evidence store refuses more than this; checked here first so a huge file is never read into memory. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

interface Options {
  periodId: number;
  unitId: number;
  checklist: Checklist;
  selected: ChecklistRequirement | null;
  patch: (forUnit: number, change: (current: Checklist) => Checklist) => void;
  changed: (statusMayChange: boolean) => void;
  /** The requirement files go to becomes the selected one. */
  onTarget: (key: ReqKey) => void;
}

export function useEvidenceActions({ periodId, unitId, checklist, selected, patch, changed, onTarget }: Options) {
  const toast = useToast();
  const confirm = useConfirm();
  const [uploading, setUploading] = useState<UploadState | null>(null);
  const [attachingDialog, setAttachingDialog] = useState(false);
  const [rejected, setRejected] = useState<{ key: ReqKey; items: AttachReport['rejected'] } | null>(null);
  const itemKey = (requirement: ChecklistRequirement) => ({ periodId, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code });

  // The server moved a judged requirement back to the queue: say so, it changes the verified count.
  const announceRequeue = (before: EvidenceStatus, after: ChecklistRequirement) => {
    if (after.status === 'menunggu_verifikasi' && (before === 'terverifikasi' || before === 'perlu_perbaikan')) {
      toast.info('Status kembali ke Menunggu verifikasi', 'Bukti baru ditambahkan, jadi persyaratan ini perlu diperiksa ulang.');
    }
  };

  const reportAttach = (requirement: ChecklistRequirement, attached: number, reused: number, refused: AttachReport['rejected']) => {
    const key = reqKeyOf(requirement);
    if (attached > 0) {
      toast.success(
        `${formatCount(attached)} berkas dilampirkan`,
        reused > 0 ? `${formatCount(reused)} berkas sama sudah ada di pustaka unit dan dipakai ulang.` : requirement.text,
      );
    }
    if (refused.length > 0) {
      toast.error(`${formatCount(refused.length)} berkas ditolak`, refused.map((item) => `${item.name}: ${item.message}`).join(' · '));
      setRejected({ key, items: refused });
    } else {
      setRejected((previous) => (previous?.key === key ? null : previous));
    }
  };

  const upload = async (requirement: ChecklistRequirement, files: File[]) => {
    if (uploading) {
      toast.info('Tunggu unggahan sebelumnya selesai');
      return;
    }
    const key = reqKeyOf(requirement);
    const forUnit = unitId;
    onTarget(key);
    let attached = 0;
    let reused = 0;
    const refused: AttachReport['rejected'] = [];
    for (const [index, file] of files.entries()) {
      setUploading({ key, total: files.length, done: index, current: file.name });
      if (file.size > MAX_FILE_BYTES) {
        refused.push({ name: file.name, message: 'Berkas lebih dari 200 MB. Perkecil (kompres) berkas lalu unggah lagi.' });
        continue;
      }
      try {
        const data = new Uint8Array(await file.arrayBuffer());
        const report = await api['evidence:upload']({ ...itemKey(requirement), files: [{ name: file.name, lastModified: file.lastModified, data }] });
        attached += report.attached.length;
        reused += report.reused;
        refused.push(...report.rejected);
        if (report.attached.length > 0) announceRequeue(index === 0 ? requirement.status : report.requirement.status, report.requirement);
        patch(forUnit, (current) => applyAttached(current, report.requirement));
      } catch (error) {
        refused.push({ name: file.name, message: errorMessage(error) });
      }
    }
    setUploading(null);
    if (attached > 0) changed(true);
    reportAttach(requirement, attached, reused, refused);
  };

  const attachWithDialog = async (requirement: ChecklistRequirement) => {
    const forUnit = unitId;
    setAttachingDialog(true);
    try {
      const report = await api['evidence:attach-dialog'](itemKey(requirement));
      if (!report) return;
      if (report.attached.length > 0) announceRequeue(requirement.status, report.requirement);
      patch(forUnit, (current) => applyAttached(current, report.requirement));
      if (report.attached.length > 0) changed(true);
      reportAttach(requirement, report.attached.length, report.reused, report.rejected);
    } catch (error) {
      toast.error('Berkas tidak dapat dilampirkan', errorMessage(error));
    } finally {
      setAttachingDialog(false);
    }
  };

  const evidenceAdded = (result: EvidenceLinkResult) => {
    const before = findRequirement(checklist, reqKeyOf(result.requirement))?.status;
    if (before) announceRequeue(before, result.requirement);
    patch(unitId, (current) => applyAttached(current, result.requirement));
    changed(true);
  };

  const detach = async (requirement: ChecklistRequirement, item: LinkedEvidence) => {
    const forUnit = unitId;
    try {
      const updated = await api['evidence:detach']({ ...itemKey(requirement), evidenceId: item.id });
      patch(forUnit, (current) => replaceRequirement(current, updated));
      changed(true);
      toast.success('Bukti dilepas dari persyaratan', `“${item.title}” tetap ada di pustaka unit dan dapat dilampirkan lagi.`);
    } catch (error) {
      toast.error('Bukti tidak dapat dilepas', errorMessage(error));
    }
  };

  const trash = async (item: LinkedEvidence) => {
    const forUnit = unitId;
    const ok = await confirm({
      title: 'Buang bukti ke tempat sampah?',
      message: (
        <>
          <strong>{item.title}</strong> akan hilang dari {item.usageCount > 1 ? `${formatCount(item.usageCount)} persyaratan` : 'persyaratan ini'} dan dipindahkan ke tempat sampah unit. Bukti dapat dipulihkan kembali dari Tempat sampah.
        </>
      ),
      confirmLabel: 'Buang ke tempat sampah',
    });
    if (!ok) return;
    try {
      await api['evidence:trash']({ evidenceId: item.id });
      patch(forUnit, (current) => removeEvidence(current, item.id));
      changed(false);
      toast.success('Bukti dibuang ke tempat sampah', item.title);
    } catch (error) {
      toast.error('Bukti tidak dapat dibuang', errorMessage(error));
    }
  };

  const open = (item: LinkedEvidence) => {
    openEvidence(item.id).catch((error: unknown) => toast.error('Bukti tidak dapat dibuka', errorMessage(error)));
  };

  const dropFiles = (files: File[]) => {
    if (!selected) {
      toast.error('Pilih satu persyaratan dulu', 'Berkas yang diseret dilampirkan ke persyaratan yang sedang dipilih.');
      return;
    }
    void upload(selected, files);
  };

  return { uploading, attachingDialog, rejected, setRejected, upload, attachWithDialog, evidenceAdded, detach, trash, open, dropFiles };
}
