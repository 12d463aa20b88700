import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** A warning line for a field's helper text: an icon plus text in the normal text colour. */
export function FieldWarning({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'flex-start' }}>
      <WarningAmberIcon
        fontSize="inherit"
        sx={{ color: 'warning.main', mt: '0.15em', flexShrink: 0 }}
        aria-hidden
      />
      <Box component="span" sx={{ color: 'text.primary' }}>
        <Box component="span" sx={visuallyHiddenSx}>
          Warning:{' '}
        </Box>
        {children}
      </Box>
    </Box>
  );
}

const visuallyHiddenSx = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Several messages under one field, one per line. */
export function MessageLines({ lines }: { lines: readonly ReactNode[] }) {
  return (
    <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
      {lines.map((line, i) => (
        <Box component="span" key={i}>
          {line}
        </Box>
      ))}
    </Box>
  );
}
