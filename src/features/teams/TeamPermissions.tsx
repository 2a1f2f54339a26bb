import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import type { Team } from '../../api';

/** A read-only summary of what the team may do, in the backend's words; team tokens act with these permissions. */
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
        {team.permissions.map(({ label, granted }) => {
          return (
            <Box component="li" key={label} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              {granted ? (
                <CheckIcon fontSize="small" color="success" aria-hidden />
              ) : (
                <CloseIcon fontSize="small" sx={{ color: 'text.secondary' }} aria-hidden />
              )}
              <Typography variant="body2" color={granted ? 'text.primary' : 'text.secondary'}>
                {label}
                <Box component="span" sx={visuallyHidden}>
                  {granted ? ': allowed' : ': not allowed'}
                </Box>
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
