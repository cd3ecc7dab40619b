/** Kesenjangan (first version; being built). */
import { PageHeader } from '../../components/page-header';
import { Loading } from '../../components/states';

export function GapsPage(_props: { unitId?: number | null }) {
  return (
    <div className="page">
      <PageHeader title="Kesenjangan" breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Kesenjangan' }]} />
      <Loading />
    </div>
  );
}
