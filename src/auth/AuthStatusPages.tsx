import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** Shown while the session is established or the browser is on its way to the provider. */
export function SigningInPage() {
  useDocumentTitle('Signing in');
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 2 }}
    >
      <CircularProgress aria-label="Signing in" />
      <Typography component="h1" variant="body1">
        Signing in…
      </Typography>
    </Box>
  );
}

/** Shown when signing in failed, with the reason and a way to try again. */
export function SignInErrorPage({ reason, onRetry }: { reason: string; onRetry: () => void }) {
  useDocumentTitle('Sign-in failed');
  return (
    <Container component="main" maxWidth="sm" sx={{ py: 8 }}>
      <Typography component="h1" variant="h4" gutterBottom>
        Sign-in failed
      </Typography>
      <Alert severity="error" sx={{ mb: 3 }}>
        {reason}
      </Alert>
      <Button variant="contained" onClick={onRetry}>
        Try again
      </Button>
    </Container>
  );
}
