import Typography from '@mui/material/Typography';

/** Placeholder until the port reference lands (issue 3). */
export function ReferencePage() {
  return (
    <Typography variant="h4" component="h1">
      Port reference
    </Typography>
  );
}
