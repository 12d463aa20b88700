import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

import type { StepId } from '@/core/wizard/steps';
import { nextStepId, previousStepId } from '@/core/wizard/steps';

/** Space kept below a field scrolled into view, so the sticky bar never covers it. */
export const WIZARD_NAV_CLEARANCE = '5rem';

export interface WizardNavProps {
  current: StepId;
  onSelect: (step: StepId) => void;
}

/**
 * Back and Next. Never blocked: missing input shows as warnings, not as a locked step.
 * The bar sticks to the bottom of the window on every step, so it is in view without scrolling;
 * it stays in the page's flow (the last field ends above it), and the planner's scroll padding
 * (WIZARD_NAV_CLEARANCE) keeps a field scrolled into view from hiding under it.
 */
export function WizardNav({ current, onSelect }: WizardNavProps) {
  const previous = previousStepId(current);
  const next = nextStepId(current);
  return (
    <Box
      component="nav"
      aria-label="Step navigation"
      className="no-print"
      data-testid="wizard-nav"
      sx={{
        position: 'sticky',
        bottom: 0,
        zIndex: 'appBar',
        display: 'flex',
        justifyContent: 'space-between',
        gap: 2,
        flexWrap: 'wrap',
        py: 1.5,
        bgcolor: 'background.default',
        borderTop: 1,
        borderColor: 'divider',
      }}
    >
      <Button
        variant="outlined"
        startIcon={<ArrowBackIcon />}
        disabled={previous === null}
        onClick={() => previous && onSelect(previous)}
      >
        Back
      </Button>
      {next && (
        <Button variant="contained" endIcon={<ArrowForwardIcon />} onClick={() => onSelect(next)}>
          Next
        </Button>
      )}
    </Box>
  );
}
