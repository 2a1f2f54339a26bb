import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation } from '../../ui/router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        Page not found
      </Typography>
      <Typography sx={{ mb: 2 }}>
        There is no page at <code>{pathname}</code>. The link may be old, or the address mistyped.
      </Typography>
      <Link component={RouterLink} to="/settings/tokens">
        Go to API tokens
      </Link>
    </>
  );
}
