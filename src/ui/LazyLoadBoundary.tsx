import { Component, type ReactNode } from 'react';
import { LoadErrorAlert } from './LoadErrorAlert';

export interface LazyLoadBoundaryProps {
  /** What the lazy code is, inside a sentence: "Could not load {what}". */
  what: string;
  /** Makes a fresh lazy component (see `useReloadableLazy`); called before each new attempt. */
  onReload: () => void;
  /** Gives up: the caller stops rendering the boundary. */
  onDismiss: () => void;
  children: ReactNode;
}

/**
 * Catches a failed download of lazily loaded code (a dialog) and says so where the boundary stands, with Retry
 * and Close, instead of letting the error replace the whole page.
 */
export class LazyLoadBoundary extends Component<LazyLoadBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  private retry = () => {
    this.props.onReload();
    this.setState({ failed: false });
  };

  private dismiss = () => {
    this.props.onReload();
    this.props.onDismiss();
  };

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <LoadErrorAlert
        what={this.props.what}
        error={null}
        reason="Check your connection, then try again."
        onRetry={this.retry}
        onDismiss={this.dismiss}
      />
    );
  }
}
