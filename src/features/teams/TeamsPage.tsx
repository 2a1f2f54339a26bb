import ScheduleIcon from '@mui/icons-material/Schedule';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useMemo } from 'react';
import { Link as RouterLink, useParams } from '../../ui/router';
import { isNotFound, type Team } from '../../api';
import { LoadErrorAlert } from '../../ui/LoadErrorAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useNow } from '../tokens/useNow';
import { activeTokenCounts } from './activeTokenCounts';
import { LoadingPlaceholder } from './LoadingPlaceholder';
import { NotFoundState } from './NotFoundState';
import { OrganizationAccess } from './OrganizationAccess';
import { TeamName } from './TeamName';
import { ORGANIZATIONS_PATH, teamPath } from './teamPaths';
import { useOrganization, useTeams, useTeamTokens } from './teamQueries';

function tokenCountText(count: number): string {
  return count === 1 ? '1 active token' : `${count} active tokens`;
}

function expiringTokensText(count: number): string {
  return count === 1 ? '1 token expires this week' : `${count} tokens expire this week`;
}

/**
 * Teams: the organization's teams, whether you are in each, and how many active tokens your teams have and how
 * many of those expire this week.
 */
export function TeamsPage() {
  const { orgId = '' } = useParams();
  // One screen per organization: another's teams never start with what this one showed.
  return <OrganizationTeams key={orgId} organizationId={orgId} />;
}

function OrganizationNotFound() {
  return (
    <NotFoundState
      title="Organization not found"
      explanation="There is no organization at this address that you can see. The link may be old, or the address mistyped."
      backTo={ORGANIZATIONS_PATH}
      backLabel="Choose an organization"
    />
  );
}

function OrganizationTeams({ organizationId }: { organizationId: string }) {
  // All three start at once: none needs another's answer.
  const { organization, isPending: organizationPending, isUnknown: organizationUnknown } = useOrganization(organizationId);
  const teams = useTeams(organizationId);
  // Deferred, the list renders in slices instead of one long task that would hold up a tap.
  const shownTeams = useDeferredValue(teams.data);
  const teamTokens = useTeamTokens(organizationId);
  const now = useNow();
  // Counted once every page is in: a count of the first pages would claim fewer tokens than there are.
  const wholeList = teamTokens.data?.complete ? teamTokens.data.items : undefined;
  const counts = useMemo(() => wholeList && activeTokenCounts(wholeList, now), [wholeList, now]);

  if (isNotFound(teams.error) || organizationUnknown) return <OrganizationNotFound />;

  // Team tokens are listed to those who may manage them only, so only their teams get a count.
  const managesAny = shownTeams?.some((team) => team.canManageTokens) ?? false;
  const tokenSummary = (team: Team): string => {
    if (!team.canManageTokens) return 'Tokens visible to members';
    if (counts) return tokenCountText(counts.get(team.id)?.active ?? 0);
    return teamTokens.isError || (teamTokens.data && !teamTokens.isFetching) ? 'Token count unavailable' : 'Counting tokens…';
  };
  const expiringSoon = (team: Team): number => (team.canManageTokens ? (counts?.get(team.id)?.expiringSoon ?? 0) : 0);

  return (
    <>
      <TeamsHeading organizationId={organizationId} organizationName={organizationPending ? undefined : (organization?.name ?? null)} />
      {teams.isError ? (
        <LoadErrorAlert what="the teams" error={teams.error} onRetry={() => void teams.refetch()} />
      ) : !shownTeams ? (
        <LoadingPlaceholder label="Loading teams">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} variant="rounded" height={64} sx={{ mb: 1 }} />
          ))}
        </LoadingPlaceholder>
      ) : (
        <Stack spacing={2}>
          {managesAny && !counts && (teamTokens.isError || (teamTokens.data?.shortBecause && !teamTokens.isFetching)) && (
            <LoadErrorAlert
              what="the token counts"
              error={teamTokens.error}
              reason={teamTokens.error ? undefined : teamTokens.data?.shortBecause}
              onRetry={() => void teamTokens.refetch()}
            />
          )}
          {shownTeams.length === 0 ? (
            <Typography>This organization has no teams yet.</Typography>
          ) : (
            <Box component="ul" aria-label="Teams" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
              {shownTeams.map((team) => (
                <TeamRow key={team.id} team={team} tokenSummary={tokenSummary(team)} expiringSoon={expiringSoon(team)} />
              ))}
            </Box>
          )}
        </Stack>
      )}
    </>
  );
}

/** `organizationName`: undefined while it loads, null when it could not be loaded (the teams still can). */
function TeamsHeading({ organizationId, organizationName }: { organizationId: string; organizationName: string | null | undefined }) {
  useDocumentTitle(organizationName ? `Teams of ${organizationName}` : 'Teams');
  return (
    <>
      <Typography component="h1" variant="h4" gutterBottom>
        Teams
      </Typography>
      {organizationName !== null && (
        <Typography sx={{ mb: 1, wordBreak: 'break-word' }}>
          {organizationName === undefined ? (
            <Skeleton width="12rem" aria-hidden="true" />
          ) : (
            <>
              Organization: <strong>{organizationName}</strong>
            </>
          )}
        </Typography>
      )}
      <OrganizationAccess organizationId={organizationId} />
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: '70ch' }}>
        Team API tokens belong to a team, not to a person, and are meant for CI/CD pipelines. Members of a team can
        generate and delete its tokens.
      </Typography>
    </>
  );
}

function TeamRow({ team, tokenSummary, expiringSoon }: { team: Team; tokenSummary: string; expiringSoon: number }) {
  const { isMember } = team;
  return (
    <Paper
      component="li"
      variant="outlined"
      sx={{
        p: 2,
        display: 'grid',
        alignItems: 'center',
        columnGap: 2,
        rowGap: 1,
        // Narrow: the name with Edit beside it, membership and tokens below. Wide: one row, in aligned columns.
        gridTemplateAreas: { xs: '"name edit" "membership membership"', sm: '"name membership edit"' },
        gridTemplateColumns: { xs: 'minmax(0, 1fr) auto', sm: 'minmax(0, 1fr) 22rem auto' },
      }}
    >
      <Typography component="h2" variant="subtitle1" sx={{ gridArea: 'name', fontWeight: 600, wordBreak: 'break-word' }}>
        <TeamName name={team.name} />
      </Typography>
      <Box sx={{ gridArea: 'membership', display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 0.5 }}>
        {isMember !== undefined && (
          <Chip
            size="small"
            label={isMember ? 'Member' : 'Not a member'}
            color={isMember ? 'primary' : 'default'}
            variant="outlined"
            sx={{ minWidth: { sm: '7.5rem' } }}
          />
        )}
        <Typography variant="body2" color="text.secondary">
          {tokenSummary}
        </Typography>
        {expiringSoon > 0 && (
          // In the text colour, a step above the count beside it; the icon is the list's "Expires soon" one.
          <Typography variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <ScheduleIcon fontSize="small" color="warning" aria-hidden="true" />
            {expiringTokensText(expiringSoon)}
          </Typography>
        )}
      </Box>
      <Button
        component={RouterLink}
        to={teamPath(team.organizationId, team.id)}
        variant="outlined"
        size="small"
        aria-label={`Edit ${team.name}`}
        sx={{ gridArea: 'edit' }}
      >
        Edit
      </Button>
    </Paper>
  );
}
