import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigationType } from '../../ui/router';
import { usePlatformName } from '../../api';
import { useAuth } from '../../auth';
import { PageLoading } from '../pages/PageLoading';
import { RouteErrorBoundary } from '../pages/RouteErrorBoundary';
import { MainNavigation } from './MainNavigation';
import { SkipLink } from './SkipLink';

export const MAIN_CONTENT_ID = 'main-content';

/** The shell around every screen: skip link, app bar (product, user, Sign out), navigation and `<main>`. */
export function AppLayout() {
  const { user, signOut } = useAuth();
  const platformName = usePlatformName();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const visited = useRef<string | null>(null);

  // After following a link (not on the first page, nor on a redirect), move focus to the new page's content so
  // keyboard and screen-reader users start there, as after a full page load.
  useEffect(() => {
    const previous = visited.current;
    visited.current = pathname;
    if (previous !== null && previous !== pathname && navigationType !== 'REPLACE') main.current?.focus();
  }, [pathname, navigationType]);

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <SkipLink targetId={MAIN_CONTENT_ID} onSkip={() => main.current?.focus()} />
      <AppBar position="static" elevation={0} enableColorOnDark>
        <Container maxWidth="lg">
          <Toolbar disableGutters sx={{ gap: 2 }}>
            <Typography component="p" variant="h6" sx={{ flexGrow: 1, fontWeight: 600 }}>
              {platformName}
            </Typography>
            <Typography component="p" variant="body2" title={user.email || undefined} sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {user.name}
            </Typography>
            {/* Kept on one line: at 320 px the name wraps instead. */}
            <Button color="inherit" variant="outlined" onClick={() => void signOut()} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
              Sign out
            </Button>
          </Toolbar>
        </Container>
      </AppBar>
      <MainNavigation />
      <Container
        component="main"
        id={MAIN_CONTENT_ID}
        ref={main}
        tabIndex={-1}
        maxWidth="lg"
        sx={{ flexGrow: 1, py: 4, '&:focus': { outline: 'none' } }}
      >
        <RouteErrorBoundary key={pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </Container>
    </Box>
  );
}
