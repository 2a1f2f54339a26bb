import Typography from '@mui/material/Typography';
import { TokensPanel } from '../tokens/TokensPanel';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { usePersonalTokens } from './usePersonalTokens';

/** User Settings › API tokens. */
export function ApiTokensPage() {
  useDocumentTitle('API tokens');
  const { query, tokenListKey, generate, deleteToken } = usePersonalTokens();
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        API tokens
      </Typography>
      <Typography sx={{ color: 'text.secondary', mb: 3, maxWidth: '70ch' }}>
        Personal access tokens let scripts and the Terraform CLI call Terrakube as you, with everything you are
        allowed to do. Generate one for each place you use it, and delete the ones you no longer need.
      </Typography>
      <TokensPanel
        query={query}
        listLabel="Your API tokens"
        listNameInText="your API tokens"
        generateLabel="Generate token"
        dialogVariant="personal"
        generate={generate}
        deleteToken={deleteToken}
        tokenListKey={tokenListKey}
        emptyMessage="You have no API tokens yet. Generate one for each script or tool that calls Terrakube as you."
      />
    </>
  );
}
