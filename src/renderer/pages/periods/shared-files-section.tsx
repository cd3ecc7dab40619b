/**
 * Tahun Penilaian › Berkas yang sama di beberapa unit: the cross-unit report of files with
 * the same SHA-256 attached by two or more units. Reuse stays allowed; the list is for the
 * evaluator to ask where a document really comes from.
 */
import type { SharedFile } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { formatBytes } from '../checklist/model';

function FileEntry({ file, linkUnits }: { file: SharedFile; linkUnits: boolean }) {
  return (
    <li className="shared-file">
      <div className="shared-file__head">
        <span className="shared-file__title">{file.title}</span>
        <Badge tone="amber" icon="copy">
          {formatCount(file.units.length)} unit
        </Badge>
      </div>
      <div className="shared-file__meta">
        {[file.originalName, formatBytes(file.size), `SHA-256 ${file.sha256.slice(0, 12)}…`].filter(Boolean).join(' · ')}
      </div>
      <ul className="shared-file__units">
        {file.units.map((unit) => (
          <li key={unit.unitId}>
            {linkUnits ? (
              <button type="button" className="link-button" onClick={() => navigate(`/daftar-periksa/${unit.unitId}`)}>
                {unit.unitName}
              </button>
            ) : (
              <strong>{unit.unitName}</strong>
            )}{' '}
            <span className="text-subtle">({unit.groupName})</span>: {unit.requirements.map((entry) => entry.text).join('; ')}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function SharedFilesSection({ periodId, active }: { periodId: number; active: boolean }) {
  const shared = useQuery(`shared-files-${periodId}`, () => api['evidence:shared-files']({ periodId }));
  return (
    <section className="panel panel--padded" aria-labelledby="shared-files-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="shared-files-title">
            Berkas yang sama di beberapa unit
          </h2>
          <p className="panel__subtitle">
            Berkas yang isinya persis sama (SHA-256 sama) dilampirkan oleh dua unit atau lebih. Tetap diizinkan — misalnya SK bupati yang berlaku untuk semua unit — tetapi penilai
            dapat menanyakan asal dokumennya.
          </p>
        </div>
      </div>
      {shared.error ? <ErrorState error={shared.error} onRetry={shared.reload} /> : null}
      {!shared.data && !shared.error ? <Loading /> : null}
      {shared.data && shared.data.length === 0 ? (
        <EmptyState icon="check-circle" title="Tidak ada berkas yang sama">
          Setiap berkas pada tahun ini hanya dilampirkan oleh satu unit.
        </EmptyState>
      ) : null}
      {shared.data && shared.data.length > 0 ? (
        <ul className="shared-files" aria-label="Daftar berkas yang sama">
          {shared.data.map((file) => (
            <FileEntry key={file.sha256} file={file} linkUnits={active} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
