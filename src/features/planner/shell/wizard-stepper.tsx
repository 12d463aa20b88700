import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';

import type { StepId } from '@/core/wizard/steps';
import { STEPS, stepIndex } from '@/core/wizard/steps';

export interface WizardStepperProps {
  current: StepId;
  onSelect: (step: StepId) => void;
}

/** The step headers; each one is a button that opens its step. */
export function WizardStepper({ current, onSelect }: WizardStepperProps) {
  const active = stepIndex(current);
  return (
    <nav aria-label="Planner steps" className="no-print">
      <Stepper
        nonLinear
        alternativeLabel
        activeStep={active}
        sx={{ '& .MuiStepLabel-label': { fontSize: { xs: '0.8rem', sm: '0.875rem' } } }}
      >
        {STEPS.map((step, index) => (
          <Step key={step.id} completed={index < active}>
            <StepButton
              onClick={() => onSelect(step.id)}
              aria-current={index === active ? 'step' : undefined}
            >
              {step.title}
            </StepButton>
          </Step>
        ))}
      </Stepper>
    </nav>
  );
}
