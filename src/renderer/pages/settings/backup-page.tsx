/** Pengaturan › Cadangan (first version; being built). */
import { PageHeader } from '../../components/page-header';
import { Loading } from '../../components/states';

export function BackupPage() {
  return (
    <div className="page">
      <PageHeader title="Cadangan" breadcrumb={[{ label: 'Pengaturan', path: '/pengaturan' }, { label: 'Cadangan' }]} />
      <Loading />
    </div>
  );
}
