import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { TEAM_PERMISSIONS, type Team, type TeamPermission } from '../../api';

/** What each permission lets the team manage, as the end of "Manages …" / "Cannot manage …". */
const PERMISSION_LABELS: Record<TeamPermission, string> = {
  manageState: 'state',
  manageWorkspace: 'workspaces',
  manageModule: 'modules',
  manageProvider: 'providers',
  manageVcs: 'VCS connections',
  manageTemplate: 'templates',
  manageCollection: 'collections',
  manageJob: 'jobs',
};

/** A read-only summary of what the team may manage; team tokens act with these permissions. */
export function TeamPermissions({ team }: { team: Team }) {
  return (
    <Box component="section" aria-labelledby="team-permissions-heading">
      <Typography id="team-permissions-heading" component="h2" variant="h6" gutterBottom>
        Permissions
      </Typography>
      <Box
        component="ul"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(4, 1fr)' },
          gap: 1,
        }}
      >
        {TEAM_PERMISSIONS.map((permission) => {
          const granted = team.permissions[permission];
          return (
            <Box component="li" key={permission} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              {granted ? (
                <CheckIcon fontSize="small" color="success" aria-hidden />
              ) : (
                <CloseIcon fontSize="small" sx={{ color: 'text.secondary' }} aria-hidden />
              )}
              <Typography variant="body2" color={granted ? 'text.primary' : 'text.secondary'}>
                {granted ? 'Manages' : 'Cannot manage'} {PERMISSION_LABELS[permission]}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
