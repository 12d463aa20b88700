import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';

import { paths } from '@/config/paths';
import type { StepId } from '@/core/wizard/steps';
import { FIRST_STEP, parseStepId, STEPS } from '@/core/wizard/steps';
import { pageTitle, setDocumentTitle } from '@/lib/document-title';
import { runWhenIdle } from '@/lib/idle';
import { scrollToTop } from '@/lib/window-events';
// The plan's edit functions, out of the home page's first load (store.ts providePlanEdits).
import '@/state/plan-edits';
import { useAppStore } from '@/state/store';

import { DevicesStep } from '../devices/devices-step';
import { NetworkStep } from '../network/network-step';
import { OptionsStep } from '../options/options-step';
import { PlanFileButtons } from '../plan-file/plan-file-buttons';
import { ReviewStep } from '../review/review-step';
import { SharePlanButton } from '../share/share-panel';
import { TopologyStep } from '../topology/topology-step';

import { focusField, focusRequest } from './focus-field';
import { NewPlanButton } from './new-plan-button';
import { StorageAlert } from './storage-alert';
import { reviewWarmTasks } from './warm-review';
import { WIZARD_NAV_CLEARANCE, WizardNav } from './wizard-nav';
import { WizardStepper } from './wizard-stepper';

function StepContent({ step }: { step: StepId }) {
  switch (step) {
    case 'topology':
      return <TopologyStep />;
    case 'devices':
      return <DevicesStep />;
    case 'options':
      return <OptionsStep />;
    case 'network':
      return <NetworkStep />;
    case 'review':
      return <ReviewStep />;
  }
}

/**
 * Computes what the review shows while the browser idles on the earlier steps, again after each
 * edit (warm-review.ts): the step change then finds it ready. A component of its own so that the
 * wizard does not render again on every edit.
 */
function ReviewWarmer({ step }: { step: StepId }) {
  const plan = useAppStore((s) => s.plan);
  useEffect(
    () => (step === 'review' ? undefined : runWhenIdle(reviewWarmTasks(plan))),
    [plan, step],
  );
  return null;
}

/** The wizard: the current step lives in the route (/plan/:stepId). */
export function PlannerPage() {
  const { stepId } = useParams();
  const step = parseStepId(stepId);
  if (step === null) return <Navigate to={paths.step(FIRST_STEP)} replace />;
  return <Wizard step={step} />;
}

function Wizard({ step }: { step: StepId }) {
  const navigate = useNavigate();
  const planName = useAppStore((s) => s.plan.name);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const title = STEPS.find((s) => s.id === step)?.title ?? step;

  const location = useLocation();
  const shownName = planName.trim() || 'Untitled plan';

  useEffect(() => {
    setDocumentTitle(pageTitle(title, shownName));
  }, [title, shownName]);

  // "Go to field" (router state from the review step) focuses that field. Otherwise, after
  // moving to another step, the keyboard focus goes to its heading (not on first load).
  useEffect(() => {
    const request = focusRequest(location.state);
    const changed = shownStep.current !== step;
    shownStep.current = step;
    if (request && focusField(request)) return;
    if (!changed) return;
    headingRef.current?.focus();
    scrollToTop();
  }, [step, location.key, location.state]);

  const go = (target: StepId) => {
    if (target !== step) void navigate(paths.step(target));
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200, mx: 'auto' }}>
      {/* A field scrolled into view (Tab, "Go to field") stays above the sticky Back/Next bar. */}
      <GlobalStyles styles={{ html: { scrollPaddingBottom: WIZARD_NAV_CLEARANCE } }} />
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          alignItems: 'center',
          justifyContent: 'space-between',
        }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography
            variant="overline"
            component="p"
            sx={{ color: 'text.secondary', lineHeight: 1.5 }}
          >
            Firewall plan
          </Typography>
          <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            {shownName}
          </Typography>
        </Box>
        <Box className="no-print" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <PlanFileButtons />
          <SharePlanButton />
          <NewPlanButton />
        </Box>
      </Box>
      <StorageAlert />
      <ReviewWarmer step={step} />
      <WizardStepper current={step} onSelect={go} />
      <Box component="section" aria-labelledby="step-heading">
        <Typography
          id="step-heading"
          ref={headingRef}
          tabIndex={-1}
          variant="h5"
          component="h2"
          sx={{
            mb: 2,
            '&:focus': { outline: 'none' },
            '&:focus-visible': { outline: '2px solid', outlineOffset: 4 },
          }}
        >
          {title}
        </Typography>
        <StepContent step={step} />
      </Box>
      <WizardNav current={step} onSelect={go} />
    </Stack>
  );
}
