import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useDeferredValue, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from '../../ui/router';
import { isNotFound, type Team } from '../../api';
import { LoadErrorAlert } from '../../ui/LoadErrorAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { TokensPanel } from '../tokens/TokensPanel';
import { LoadingPlaceholder } from './LoadingPlaceholder';
import { NotFoundState } from './NotFoundState';
import { ORGANIZATIONS_PATH, teamsPath } from './teamPaths';
import { TeamName } from './TeamName';
import { TeamPermissions } from './TeamPermissions';
import { useOrganization, useTeam, useTeamTokenCollection, useTeamTokens } from './teamQueries';

/** Teams › Edit: the team's permissions and its API tokens. */
export function TeamPage() {
  const { orgId = '', teamId = '' } = useParams();
  // One screen per team: another team's page never starts with what this one showed.
  return <TeamScreen key={`${orgId}/${teamId}`} organizationId={orgId} teamId={teamId} />;
}

function TeamNotFound({ organizationId }: { organizationId: string }) {
  // Back to the organization's teams when there is such an organization, else to the Teams navigation.
  const { organization } = useOrganization(organizationId);
  return (
    <NotFoundState
      title="Team not found"
      explanation="There is no such team in this organization. It may have been removed, or the link is wrong."
      backTo={organization ? teamsPath(organization.id) : ORGANIZATIONS_PATH}
      backLabel="Back to Teams"
    />
  );
}

function TeamScreen({ organizationId, teamId }: { organizationId: string; teamId: string }) {
  // Both start at once: the token list does not wait for the team.
  const team = useTeam(organizationId, teamId);
  useTeamTokens(organizationId, teamId);
  // The team's page is a large render: deferred, React renders it in slices instead of one long task that would
  // hold up a tap.
  const shownTeam = useDeferredValue(team.data);
  useDocumentTitle(team.data ? `Team: ${team.data.name}` : 'Team');

  if (isNotFound(team.error)) return <TeamNotFound organizationId={organizationId} />;
  if (team.isError) {
    return (
      <>
        <Typography component="h1" variant="h4" gutterBottom>
          Team
        </Typography>
        <LoadErrorAlert what="the team" error={team.error} onRetry={() => void team.refetch()} />
      </>
    );
  }
  if (!shownTeam) {
    // What team tokens are shows at once: it does not depend on the team, and is the page's largest text.
    return (
      <>
        <Typography component="h1" variant="h4" gutterBottom>
          Team
        </Typography>
        <LoadingPlaceholder label="Loading the team">
          <Skeleton variant="rounded" height={160} sx={{ mb: 4 }} />
        </LoadingPlaceholder>
        <TeamTokensSection>
          <Box aria-hidden="true">
            <Skeleton variant="rounded" width={200} height={36} sx={{ mb: 3 }} />
            <Skeleton variant="rounded" height={120} />
          </Box>
        </TeamTokensSection>
      </>
    );
  }
  return <TeamDetails team={shownTeam} />;
}

function TeamDetails({ team }: { team: Team }) {
  const collection = useTeamTokenCollection(team);

  return (
    <>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <Link component={RouterLink} to={teamsPath(team.organizationId)}>
          Teams
        </Link>
        <Typography color="text.primary" aria-current="page" sx={{ wordBreak: 'break-word' }}>
          <TeamName name={team.name} />
        </Typography>
      </Breadcrumbs>
      <Typography component="h1" variant="h4" gutterBottom sx={{ wordBreak: 'break-word', fontSize: { xs: '1.5rem', sm: undefined } }}>
        Team: <TeamName name={team.name} />
      </Typography>
      <Box sx={{ mb: 4 }}>
        <TeamPermissions team={team} />
      </Box>
      <TeamTokensSection>
        <TokensPanel collection={collection} />
      </TeamTokensSection>
    </>
  );
}

function TeamTokensSection({ children }: { children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby="team-tokens-heading">
      <Typography id="team-tokens-heading" component="h2" variant="h5" gutterBottom>
        Team API tokens
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '70ch' }}>
        Team tokens are for CI/CD pipelines and other automation: they are not tied to a person, stay valid when
        people leave the team, and act with this team&apos;s permissions.
      </Typography>
      {children}
    </Box>
  );
}
