import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import type { ConfigProblem } from '../../config';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

const EXAMPLES = [
  {
    label: 'Terrakube',
    variables: [
      { setting: 'REACT_APP_TERRAKUBE_API_URL=https://terrakube-api.example.com/api/v1/' },
      { setting: 'REACT_APP_AUTHORITY=https://terrakube-dex.example.com/dex' },
      { setting: 'REACT_APP_CLIENT_ID=example-app' },
      { setting: 'REACT_APP_REDIRECT_URI=https://terrakube-ui.example.com/' },
      { setting: 'REACT_APP_SCOPE=email openid profile offline_access groups' },
    ],
  },
  {
    label: 'HCP Terraform or Terraform Enterprise (people sign in with a user API token)',
    variables: [
      { setting: 'REACT_APP_TOKEN_BACKEND=tfe' },
      { setting: 'REACT_APP_TFE_API_URL=https://app.terraform.io/api/v2/', note: 'or /api/v2/ behind a same-origin proxy' },
      { setting: 'REACT_APP_TFE_ORGANIZATION=my-org', note: 'optional' },
      { setting: 'REACT_APP_TFE_TEAM_TOKENS=multiple', note: 'optional: multiple or single, detected when unset' },
    ],
  },
];

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
      {EXAMPLES.map((example) => (
        <Box key={example.label} sx={{ mb: 2 }}>
          <Typography variant="body2" color="text.secondary">
            For {example.label}:
          </Typography>
          <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
            {example.variables.map(({ setting, note }) => (
              <Typography component="li" variant="body2" color="text.secondary" key={setting}>
                <code>{setting}</code>
                {note && ` (${note})`}
              </Typography>
            ))}
          </Box>
        </Box>
      ))}
    </Container>
  );
}
