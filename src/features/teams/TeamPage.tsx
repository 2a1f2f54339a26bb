import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { tokenKeys, type Team, type TeamToken } from '../../api';
import { LoadErrorAlert } from '../../ui/LoadErrorAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { TokensPanel } from '../tokens/TokensPanel';
import { LoadingPlaceholder } from './LoadingPlaceholder';
import { NotFoundState } from './NotFoundState';
import { isTerrakubeId, ORGANIZATIONS_PATH, teamsPath } from './teamPaths';
import { TeamName } from './TeamName';
import { TeamPermissions } from './TeamPermissions';
import { isNotFoundError, useCurrentTeams, useOrganization, useTeam, useTeamTokenActions, useTeamTokens } from './teamQueries';

/** Teams › Edit: the team's permissions and its API tokens. */
export function TeamPage() {
  const { orgId = '', teamId = '' } = useParams();
  if (!isTerrakubeId(orgId) || !isTerrakubeId(teamId)) return <TeamNotFound organizationId={orgId} />;
  return <TeamScreen organizationId={orgId} teamId={teamId} />;
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
  // The three start at once: Terrakube only lists the caller's own teams' tokens, so the token list need not
  // wait for the team's name or the membership.
  const team = useTeam(organizationId, teamId);
  const currentTeams = useCurrentTeams();
  const teamTokens = useTeamTokens(team.data?.name);
  useDocumentTitle(team.data ? `Team: ${team.data.name}` : 'Team');

  if (team.isPending) {
    return (
      <>
        <Typography component="h1" variant="h4" gutterBottom>
          Team
        </Typography>
        <LoadingPlaceholder label="Loading the team">
          <Skeleton variant="rounded" height={160} />
        </LoadingPlaceholder>
      </>
    );
  }
  if (isNotFoundError(team.error)) return <TeamNotFound organizationId={organizationId} />;
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
  return <TeamDetails team={team.data} currentTeams={currentTeams} teamTokens={teamTokens} />;
}

interface TeamDetailsProps {
  team: Team;
  currentTeams: UseQueryResult<string[]>;
  /** This team's tokens. */
  teamTokens: UseQueryResult<TeamToken[]>;
}

function TeamDetails({ team, currentTeams, teamTokens }: TeamDetailsProps) {
  const { generate, deleteToken } = useTeamTokenActions(team.name);
  const isMember = currentTeams.data?.includes(team.name);

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
      <Box component="section" aria-labelledby="team-tokens-heading">
        <Typography id="team-tokens-heading" component="h2" variant="h5" gutterBottom>
          Team API tokens
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '70ch' }}>
          Team tokens are for CI/CD pipelines and other automation: they are not tied to a person, stay valid when
          people leave the team, and act with this team&apos;s permissions.
        </Typography>
        {currentTeams.isPending ? (
          <LoadingPlaceholder label="Loading your team membership">
            <Skeleton variant="rounded" height={120} />
          </LoadingPlaceholder>
        ) : currentTeams.isError ? (
          <LoadErrorAlert what="your team membership" error={currentTeams.error} onRetry={() => void currentTeams.refetch()} />
        ) : (
          <TokensPanel
            query={teamTokens}
            listLabel={`${team.name} tokens`}
            generateLabel="Generate team token"
            generateDisabledReason={isMember ? undefined : `Only members of ${team.name} can create its tokens.`}
            unavailableMessage={
              isMember ? undefined : `You are not a member of ${team.name}, so you cannot see its tokens: Terrakube shows a team's tokens to its members only.`
            }
            dialogVariant="team"
            generate={generate}
            deleteToken={deleteToken}
            tokenListKey={tokenKeys.team()}
            emptyMessage={`${team.name} has no API tokens yet.`}
          />
        )}
      </Box>
    </>
  );
}
