import WarningAmber from '@mui/icons-material/WarningAmber';
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
                // One string: a visually hidden comma between the title and the count made
                // Chromium read "Topology , 2 warnings" (its box is out of flow).
                aria-label={text ? `${step.title}, ${text}` : undefined}
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
                <StepLabel error={hasErrors}>{step.title}</StepLabel>
              </StepButton>
            </Step>
          );
        })}
      </Stepper>
    </nav>
  );
}
