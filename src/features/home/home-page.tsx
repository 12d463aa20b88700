import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';

import { paths } from '@/config/paths';

export function HomePage() {
  return (
    <Paper sx={{ p: { xs: 2, sm: 4 }, maxWidth: 880, mx: 'auto' }}>
      <Stack spacing={2}>
        <Typography variant="h4" component="h1">
          Plan the firewall openings of Netwrix Activity Monitor
        </Typography>
        <Typography>
          Describe your deployment (the Activity Monitor Console, your agent servers and the devices
          they monitor) and get the exact firewall rules it needs: per flow and per host, with
          direction, conditions and the vendor documentation behind each rule.
        </Typography>
        <Typography>
          Everything runs in your browser. Host names and addresses never leave your machine, except
          in a link you choose to share.
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <Button
            variant="contained"
            size="large"
            component={RouterLink}
            to={paths.step('topology')}
          >
            Start a new plan
          </Button>
          <Button variant="outlined" size="large" component={RouterLink} to={paths.reference}>
            Browse the port reference
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
