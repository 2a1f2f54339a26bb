import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import type { ConfigProblem } from '../../config';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** Shown instead of the app when `window._env_` is missing or has values the app cannot use. */
export function ConfigErrorPage({ problems }: { problems: ConfigProblem[] }) {
  useDocumentTitle('Not configured');
  return (
    <Container component="main" maxWidth="md" sx={{ py: 6 }}>
      <Typography component="h1" variant="h4" gutterBottom>
        The app is not configured
      </Typography>
      <Typography sx={{ mb: 2 }}>
        The runtime configuration (<code>window._env_</code>, served as <code>/env-config.js</code>) is missing or
        has values the app cannot use. Fix {problems.length === 1 ? 'this variable' : 'these variables'} and reload
        the page:
      </Typography>
      <Box component="ul" aria-label="Configuration problems" sx={{ pl: 3, mb: 3 }}>
        {problems.map((problem) => (
          <Typography component="li" key={problem.variable} sx={{ mb: 1 }}>
            <Box component="code" sx={{ fontWeight: 'bold' }}>
              {problem.variable}
            </Box>{' '}
            {problem.message}
          </Typography>
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary">
        An example: <code>REACT_APP_TERRAKUBE_API_URL=https://terrakube-api.example.com/api/v1/</code>,{' '}
        <code>REACT_APP_AUTHORITY=https://terrakube-dex.example.com/dex</code>, <code>REACT_APP_CLIENT_ID=example-app</code>,{' '}
        <code>REACT_APP_REDIRECT_URI=https://terrakube-ui.example.com/</code>,{' '}
        <code>REACT_APP_SCOPE=email openid profile offline_access groups</code>.
      </Typography>
    </Container>
  );
}
