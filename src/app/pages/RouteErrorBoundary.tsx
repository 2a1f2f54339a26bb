import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

function RouteErrorPage() {
  useDocumentTitle('Something went wrong');
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        Something went wrong
      </Typography>
      <Alert severity="error" sx={{ mb: 2 }}>
        This page could not be shown. Reloading usually helps; if it does not, the app may have been updated while it
        was open.
      </Alert>
      <Button variant="contained" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </>
  );
}

/**
 * Catches a screen that failed to load (for example an outdated code chunk after a deployment) or to render, and
 * keeps the shell usable. Key it by route so navigating away clears the error.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}
