import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useId } from 'react';

export interface StepSectionProps {
  title: string;
  /** One or two sentences under the title. */
  intro?: ReactNode;
  /** Heading level of the title (the step's own heading is h2). */
  level?: 'h3' | 'h4';
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled block of a wizard step. */
export function StepSection({ title, intro, level = 'h3', actions, children }: StepSectionProps) {
  const headingId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{ p: { xs: 2, sm: 3 } }}
    >
      <Stack spacing={2}>
        <Stack
          direction="row"
          spacing={1}
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
        >
          <Typography
            id={headingId}
            variant={level === 'h3' ? 'h6' : 'subtitle1'}
            component={level}
          >
            {title}
          </Typography>
          {actions}
        </Stack>
        {intro && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {intro}
          </Typography>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
