/**
 * The last line of defence: a render that throws would otherwise leave the window blank (React
 * unmounts everything). The writer is told what happened, where their unsaved edits are (the
 * journal, written a second after typing stops, is offered back on reload), and can reload.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface CrashScreenProps {
  children: ReactNode;
}

interface CrashScreenState {
  error: Error | null;
}

/** Catches an error thrown while drawing the app and shows what to do instead of a blank window. */
export class CrashScreen extends Component<CrashScreenProps, CrashScreenState> {
  override state: CrashScreenState = { error: null };

  static getDerivedStateFromError(error: unknown): CrashScreenState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Postwright stopped drawing the window:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main className="crash-screen" aria-labelledby="crash-title">
        <h1 id="crash-title">Postwright hit an error and stopped drawing this window</h1>
        <p>
          Your posts on disk are as they were. Edits not yet saved were kept in the journal up to about a second before
          this happened; reloading offers them back.
        </p>
        <p className="crash-detail">{error.message}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()} autoFocus>
          Reload
        </button>
      </main>
    );
  }
}
