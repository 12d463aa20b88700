import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, NavLink, Outlet, useLocation } from 'react-router';

import { paths } from '@/config/paths';

import { AppErrorBoundary } from './error-boundary';
import { TabConflict } from './tab-conflict';

export function Layout() {
  const { pathname } = useLocation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" color="primary" enableColorOnDark className="no-print">
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
          <Typography
            variant="h6"
            component={RouterLink}
            to={paths.home}
            sx={{ color: 'inherit', textDecoration: 'none', flexGrow: 1, minWidth: 0 }}
          >
            Activity Monitor Firewall Planner
          </Typography>
          <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 1 }}>
            <Button color="inherit" component={NavLink} to={paths.planner}>
              Planner
            </Button>
            <Button color="inherit" component={NavLink} to={paths.reference}>
              Port reference
            </Button>
          </Box>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="xl" sx={{ py: 3, flexGrow: 1 }}>
        {/* Another tab saved the plan while this one has changes: asks which to keep. */}
        <TabConflict />
        {/* Moving to another page clears a crash of the previous one. */}
        <AppErrorBoundary resetKey={pathname}>
          <Outlet />
        </AppErrorBoundary>
      </Container>
    </Box>
  );
}
