import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

import type { StepId } from '@/core/wizard/steps';
import { nextStepId, previousStepId } from '@/core/wizard/steps';

export interface WizardNavProps {
  current: StepId;
  onSelect: (step: StepId) => void;
}

/** Back and Next. Never blocked: missing input shows as warnings, not as a locked step. */
export function WizardNav({ current, onSelect }: WizardNavProps) {
  const previous = previousStepId(current);
  const next = nextStepId(current);
  return (
    <Box
      className="no-print"
      sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}
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
