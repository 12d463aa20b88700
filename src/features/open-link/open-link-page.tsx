import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { paths } from '@/config/paths';
import { getCatalog } from '@/core/catalog/catalog';
import type { DecodeError } from '@/core/permalink/codec';
import { decodePlan, samePlan } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import { isDefaultPlan } from '@/core/wizard/plan-status';
import { useAppStore } from '@/state/store';

const REVIEW = paths.step('review');

function Heading() {
  return (
    <Typography variant="h4" component="h1">
      Open a shared plan
    </Typography>
  );
}

/**
 * #/open/<payload>: opens a plan from a permalink (reliability guide URL-3..URL-6).
 * A link that cannot be opened shows what is wrong and what to do; the plan in progress is
 * never touched then. A plan in progress that differs from the link's is only replaced
 * when the user says so.
 */
export function OpenLinkPage() {
  const { payload } = useParams();
  const result = useMemo(
    () => decodePlan(payload ?? '', { catalogVersion: getCatalog().version }),
    [payload],
  );
  if (!result.ok) return <LinkError error={result.error} />;
  return <OpenPlan key={payload} plan={result.plan} warnings={result.warnings} />;
}

function LinkError({ error }: { error: DecodeError }) {
  return (
    <Stack spacing={2} sx={{ maxWidth: 800, mx: 'auto' }}>
      <Heading />
      <Alert severity="error" data-error-code={error.code}>
        <AlertTitle>This link cannot be opened</AlertTitle>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {error.message}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {error.hint}
        </Typography>
        <Typography variant="body2">Your plan in progress has not been changed.</Typography>
      </Alert>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Button variant="contained" component={RouterLink} to={paths.planner}>
          Go to your plan
        </Button>
        <Button variant="outlined" component={RouterLink} to={paths.home}>
          Go to the home page
        </Button>
      </Stack>
    </Stack>
  );
}

type Phase = 'asking' | 'opened';

function describe(plan: Plan): string {
  const agents = `${plan.agents.length} agent server${plan.agents.length === 1 ? '' : 's'}`;
  const devices = `${plan.devices.length} device${plan.devices.length === 1 ? '' : 's'}`;
  return `“${plan.name.trim() || 'Untitled plan'}” (${agents}, ${devices})`;
}

function OpenPlan({ plan, warnings }: { plan: Plan; warnings: string[] }) {
  const navigate = useNavigate();
  const setPlan = useAppStore((s) => s.setPlan);
  // Decided once, when the link is opened: is a different plan in progress?
  const [conflict] = useState(() => {
    const current = useAppStore.getState().plan;
    return !samePlan(current, plan) && !isDefaultPlan(current);
  });
  const [currentName] = useState(() => describe(useAppStore.getState().plan));
  const [phase, setPhase] = useState<Phase>(conflict ? 'asking' : 'opened');

  // No plan in progress (or the same one): open the link's plan at once.
  useEffect(() => {
    if (conflict) return;
    if (!samePlan(useAppStore.getState().plan, plan)) setPlan(plan);
    if (warnings.length === 0) void navigate(REVIEW, { replace: true });
  }, [conflict, plan, setPlan, warnings, navigate]);

  const replace = () => {
    setPlan(plan);
    setPhase('opened');
    if (warnings.length === 0) void navigate(REVIEW, { replace: true });
  };
  const keep = () => void navigate(REVIEW, { replace: true });

  return (
    <Stack spacing={2} sx={{ maxWidth: 800, mx: 'auto' }}>
      <Heading />
      {phase === 'asking' && <Typography>This link holds the plan {describe(plan)}.</Typography>}
      {phase === 'opened' && warnings.length > 0 && (
        <>
          <Alert severity="warning">
            <AlertTitle>The shared plan {describe(plan)} is open</AlertTitle>
            {warnings.map((w) => (
              <Typography key={w} variant="body2">
                {w}
              </Typography>
            ))}
          </Alert>
          <Button
            variant="contained"
            component={RouterLink}
            to={REVIEW}
            replace
            sx={{ alignSelf: 'start' }}
          >
            Review the plan
          </Button>
        </>
      )}
      <ConfirmDialog
        open={phase === 'asking'}
        title="Replace the plan in progress?"
        confirmLabel="Replace"
        cancelLabel="Keep my plan"
        destructive
        onConfirm={replace}
        onCancel={keep}
      >
        <DialogContentText sx={{ mb: 1 }}>
          This link holds the plan {describe(plan)}. Your plan in progress, {currentName}, is
          different.
        </DialogContentText>
        <DialogContentText>
          “Replace” opens the shared plan in place of yours, and yours is lost unless you saved it
          as a file. To keep it, choose “Keep my plan”, save it with “Save plan”, then open the link
          again.
        </DialogContentText>
      </ConfirmDialog>
    </Stack>
  );
}
