import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, Navigate } from '../../ui/router';
import { LoadErrorAlert } from '../../ui/LoadErrorAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { LoadingPlaceholder } from './LoadingPlaceholder';
import { teamsPath } from './teamPaths';
import { useOrganizations } from './teamQueries';

/** Where the Teams navigation lands: straight to the only organization's teams, or a picker when there are several. */
export function OrganizationsPage() {
  useDocumentTitle('Teams');
  const organizations = useOrganizations();
  const only = organizations.data?.length === 1 ? organizations.data[0] : undefined;
  if (only) return <Navigate to={teamsPath(only.id)} replace />;

  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        Teams
      </Typography>
      {organizations.isPending ? (
        <LoadingPlaceholder label="Loading organizations">
          <Skeleton variant="rounded" height={96} />
        </LoadingPlaceholder>
      ) : organizations.isError ? (
        <LoadErrorAlert what="your organizations" error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.length === 0 ? (
        <Typography>You are not in any organization yet, so there are no teams to manage.</Typography>
      ) : (
        <>
          <Typography sx={{ mb: 1 }}>Choose the organization whose teams you want to manage.</Typography>
          <List aria-label="Organizations">
            {organizations.data.map((organization) => (
              <ListItem key={organization.id} disableGutters>
                <Link component={RouterLink} to={teamsPath(organization.id)}>
                  {organization.name}
                </Link>
                {organization.description && (
                  <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                    {organization.description}
                  </Typography>
                )}
              </ListItem>
            ))}
          </List>
        </>
      )}
    </>
  );
}
