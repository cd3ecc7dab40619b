import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A screen that crashes shows a calm message instead of a white window. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[patuh] layar gagal ditampilkan', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="state state--error" role="alert">
        <div className="state__title">Halaman ini gagal ditampilkan</div>
        <p className="state__text">Data Anda aman. Muat ulang halaman; bila masalah berulang, hubungi pengembang.</p>
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          Muat ulang
        </button>
      </div>
    );
  }
}
