import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { isDefaultPlan } from '@/core/wizard/plan-status';
import { pageTitle, setDocumentTitle } from '@/lib/document-title';
import { useAppStore } from '@/state/store';

import { OpenPlanFileButton } from './open-plan-file-button';

// The dialog (and MUI's Modal) loads when it first opens: out of the first load (npm run budget).
const DiscardPlanDialog = lazy(async () => ({
  default: (await import('@/components/discard-plan-dialog')).DiscardPlanDialog,
}));

export function HomePage() {
  const navigate = useNavigate();
  const plan = useAppStore((s) => s.plan);
  const [askDiscard, setAskDiscard] = useState(false);
  const inProgress = !isDefaultPlan(plan);
  useEffect(() => setDocumentTitle(pageTitle()), []);
  const discardAndStart = () => {
    setAskDiscard(false);
    useAppStore.getState().resetPlan();
    void navigate(paths.step('topology'));
  };
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
            onClick={(e) => {
              if (!inProgress) return;
              e.preventDefault();
              setAskDiscard(true);
            }}
          >
            Start a new plan
          </Button>
          {inProgress && (
            <Button variant="outlined" size="large" component={RouterLink} to={paths.planner}>
              Continue “{plan.name}”
            </Button>
          )}
          <Button variant="outlined" size="large" component={RouterLink} to={paths.reference}>
            Browse the port reference
          </Button>
        </Stack>
        <OpenPlanFileButton />
      </Stack>
      {askDiscard && (
        <Suspense fallback={null}>
          <DiscardPlanDialog
            open={askDiscard}
            planName={plan.name}
            onDiscard={discardAndStart}
            onCancel={() => setAskDiscard(false)}
          />
        </Suspense>
      )}
    </Paper>
  );
}
