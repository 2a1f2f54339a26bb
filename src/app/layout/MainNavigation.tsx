import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import type { ReactNode } from 'react';
import { NavLink } from '../../ui/router';

const navButtonSx = {
  borderRadius: 0,
  borderBottom: 2,
  borderColor: 'transparent',
  '&[aria-current="page"]': { borderColor: 'primary.main', fontWeight: 700 },
} as const;

function NavItem({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <Button component={NavLink} to={to} end={end} sx={navButtonSx}>
      {children}
    </Button>
  );
}

export function MainNavigation() {
  return (
    <Box component="nav" aria-label="Main" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Container maxWidth="lg" sx={{ display: 'flex', gap: 1 }}>
        <NavItem to="/settings/tokens" end>
          API tokens
        </NavItem>
        <NavItem to="/organizations">Teams</NavItem>
      </Container>
    </Box>
  );
}
