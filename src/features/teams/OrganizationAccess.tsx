import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { accessSentence } from './accessSentence';
import { useOrganizationAccess } from './teamQueries';

/** One line on what the person may do in the organization through their teams; nothing where the backend does not say. */
export function OrganizationAccess({ organizationId }: { organizationId: string }) {
  const access = useOrganizationAccess(organizationId);
  if (access.isError) {
    return (
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        Your permissions in this organization could not be loaded.
      </Typography>
    );
  }
  if (access.data) {
    return <Typography sx={{ mb: 1, maxWidth: '70ch' }}>{accessSentence(access.data)}</Typography>;
  }
  // Pending while it loads; idle (no fetch) where the backend does not say.
  return access.fetchStatus === 'fetching' ? <Skeleton width="20rem" sx={{ mb: 1 }} aria-hidden="true" /> : null;
}
