import WarningAmber from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';

import type { StepId } from '@/core/wizard/steps';
import { problemsText, stepIndex, stepProblems, STEPS } from '@/core/wizard/steps';
import { selectResolution } from '@/state/selectors';
import { useAppStore } from '@/state/store';

export interface WizardStepperProps {
  current: StepId;
  onSelect: (step: StepId) => void;
}

/**
 * The step headers; each one is a button that opens its step. A step whose fields have plan
 * check errors or warnings shows their count (in its accessible name too, "Topology, 2 errors")
 * instead of a tick; a tick only marks a passed step without problems.
 */
export function WizardStepper({ current, onSelect }: WizardStepperProps) {
  const active = stepIndex(current);
  const checks = useAppStore((s) => selectResolution(s).checks);
  const problems = stepProblems(checks);
  return (
    <nav aria-label="Planner steps" className="no-print">
      <Stepper
        nonLinear
        alternativeLabel
        activeStep={active}
        sx={{ '& .MuiStepLabel-label': { fontSize: { xs: '0.8rem', sm: '0.875rem' } } }}
      >
        {STEPS.map((step, index) => {
          const count = problems[step.id];
          const text = problemsText(count);
          const hasErrors = count.errors > 0;
          const hasWarnings = !hasErrors && count.warnings > 0;
          return (
            <Step key={step.id} completed={index < active && text === ''}>
              <StepButton
                onClick={() => onSelect(step.id)}
                aria-current={index === active ? 'step' : undefined}
                icon={
                  hasWarnings ? (
                    <WarningAmber color="warning" data-testid="step-warning-icon" />
                  ) : undefined
                }
                optional={
                  text ? (
                    <Typography
                      variant="caption"
                      component="span"
                      sx={{ color: hasErrors ? 'error.main' : 'text.secondary' }}
                    >
                      {text}
                    </Typography>
                  ) : undefined
                }
              >
                <StepLabel error={hasErrors}>
                  {step.title}
                  {/* A comma heard, not seen, before the count: inline and of no size (an
                      absolutely positioned one made Chromium read "Topology , 2 warnings"). */}
                  {text && (
                    <Box component="span" sx={{ fontSize: 0 }}>
                      ,
                    </Box>
                  )}
                </StepLabel>
              </StepButton>
            </Step>
          );
        })}
      </Stepper>
    </nav>
  );
}
