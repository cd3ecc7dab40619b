/** The window: providers, the sidebar frame and the screen for the current hash path. */
import { ConfirmProvider } from './components/confirm';
import { ErrorBoundary } from './components/error-boundary';
import { Icon } from './components/icons';
import { QuickSearch } from './components/quick-search';
import { Sidebar } from './components/sidebar';
import { StartStatusBanner } from './components/start-status-banner';
import { EmptyState, ErrorState, Loading } from './components/states';
import { AppDataProvider, useAppData } from './lib/app-data';
import { href, idParam, segments, usePath } from './lib/router';
import { ToastProvider } from './lib/toast';
import { AssessmentPage } from './pages/assessment/assessment-page';
import { BerandaPage } from './pages/beranda/beranda-page';
import { ChecklistPage } from './pages/checklist/checklist-page';
import { ExportsPage } from './pages/exports/exports-page';
import { GapsPage } from './pages/gaps/gaps-page';
import { HelpPage } from './pages/help/help-page';
import { InstrumentsPage } from './pages/instruments/instruments-page';
import { IntakePage } from './pages/intake/intake-page';
import { InstrumentCompare } from './pages/instruments/instrument-compare';
import { OmbudsmanPage } from './pages/ombudsman/ombudsman-page';
import { PeriodDetailPage } from './pages/periods/period-detail-page';
import { PeriodsPage } from './pages/periods/periods-page';
import { RemindersPage } from './pages/reminders/reminders-page';
import { BackupPage } from './pages/settings/backup-page';
import { SettingsPage } from './pages/settings/settings-page';
import { SkmPage } from './pages/skm/skm-page';
import { UnitsPage } from './pages/units/units-page';
import { UnitProfilePage } from './pages/unit-profile/unit-profile-page';

function Screen({ path }: { path: string }) {
  const [first, second] = segments(path);
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  switch (first) {
    case undefined:
      return <BerandaPage />;
    case 'unit': {
      const id = idParam(second);
      return id === null ? <UnitsPage /> : <UnitProfilePage key={id} unitId={id} />;
    }
    case 'daftar-periksa':
      return <ChecklistPage unitId={idParam(second)} query={query} />;
    case 'penilaian':
      return <AssessmentPage unitId={idParam(second)} />;
    case 'kesenjangan':
      return <GapsPage unitId={idParam(second)} />;
    case 'bantuan':
      return <HelpPage query={query} />;
    case 'ekspor':
      return <ExportsPage />;
    case 'pengingat':
      return <RemindersPage />;
    case 'kiriman':
      return <IntakePage />;
    case 'ombudsman':
      return <OmbudsmanPage key={second ?? ''} unitId={idParam(second)} />;
    case 'skm':
      return <SkmPage unitId={idParam(second)} />;
    case 'tahun': {
      const id = idParam(second);
      return id === null ? <PeriodsPage /> : <PeriodDetailPage key={id} id={id} />;
    }
    case 'instrumen':
      return second === 'bandingkan' ? <InstrumentCompare query={query} /> : <InstrumentsPage selectedId={idParam(second)} />;
    case 'pengaturan':
      return second === 'cadangan' ? <BackupPage /> : <SettingsPage />;
    default:
      return (
        <div className="page">
          <EmptyState
            icon="alert"
            title="Halaman tidak ditemukan"
            action={
              <a className="btn btn--primary" href={href('/')}>
                <Icon name="home" /> Kembali ke Beranda
              </a>
            }
          >
            Alamat yang dibuka tidak dikenal oleh Patuh.
          </EmptyState>
        </div>
      );
  }
}

function Frame() {
  const path = usePath();
  const { loaded, loadError } = useAppData();
  return (
    <div className="shell">
      <Sidebar path={path} />
      <QuickSearch />
      <main className="shell__main" id="konten">
        <StartStatusBanner />
        {!loaded ? (
          <Loading />
        ) : loadError ? (
          <ErrorState error={loadError} onRetry={() => window.location.reload()} />
        ) : (
          <ErrorBoundary resetKey={path}>
            <Screen path={path} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

export function App() {
  return (
    <ToastProvider>
      <ConfirmProvider>
        <AppDataProvider>
          <Frame />
        </AppDataProvider>
      </ConfirmProvider>
    </ToastProvider>
  );
}
