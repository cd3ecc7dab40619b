/** A small tile telling what kind of file (or link) an evidence item is: icon, colour and extension. */
import type { EvidenceItem } from '../../../shared/types';
import { Icon, type IconName } from '../../components/icons';
import { extensionOf, fileKind, type FileKind } from './model';

const ICON: Record<FileKind, IconName> = {
  pdf: 'file',
  image: 'image',
  word: 'file',
  sheet: 'grid',
  slides: 'presentation',
  video: 'video',
  audio: 'music',
  archive: 'zip',
  text: 'file',
  link: 'link',
  other: 'file',
};

const LABEL: Record<FileKind, string> = {
  pdf: 'Dokumen PDF',
  image: 'Gambar',
  word: 'Dokumen teks',
  sheet: 'Lembar kerja',
  slides: 'Presentasi',
  video: 'Video',
  audio: 'Rekaman suara',
  archive: 'Arsip ZIP',
  text: 'Teks',
  link: 'Tautan',
  other: 'Berkas',
};

export function FileBadge({ item }: { item: Pick<EvidenceItem, 'kind' | 'mime' | 'originalName'> }) {
  const kind = fileKind(item);
  const ext = kind === 'link' ? 'URL' : extensionOf(item.originalName).toUpperCase();
  return (
    <span className={`file-badge file-badge--${kind}`} title={LABEL[kind]}>
      <Icon name={ICON[kind]} size={17} />
      {ext ? <span className="file-badge__ext">{ext.slice(0, 4)}</span> : null}
      <span className="sr-only">{LABEL[kind]}</span>
    </span>
  );
}
