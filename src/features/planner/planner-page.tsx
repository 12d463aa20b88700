import Typography from '@mui/material/Typography';
import { useParams } from 'react-router';

/** Placeholder until the wizard lands (issue 5). */
export function PlannerPage() {
  const { stepId } = useParams();
  return (
    <Typography variant="h4" component="h1">
      Planner: {stepId}
    </Typography>
  );
}
