import Typography from '@mui/material/Typography';
import { useTokenApi } from '../../api';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { TokensPanel } from '../tokens/TokensPanel';
import { usePersonalTokens } from './usePersonalTokens';

/** User Settings › API tokens. */
export function ApiTokensPage() {
  useDocumentTitle('API tokens');
  const { platformName } = useTokenApi();
  const collection = usePersonalTokens();
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        API tokens
      </Typography>
      <Typography sx={{ color: 'text.secondary', mb: 3, maxWidth: '70ch' }}>
        Personal access tokens let scripts and the Terraform CLI call {platformName} as you, with everything you are
        allowed to do. Generate one for each place you use it, and delete the ones you no longer need.
      </Typography>
      <TokensPanel collection={collection} />
    </>
  );
}
