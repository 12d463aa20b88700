import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import type { CheckSeverity, PlanCheck } from '@/core/resolve/model';

import type { FocusFieldState } from './review-logic';
import { groupChecks, SEVERITY_LABELS, stepForField } from './review-logic';

/** Alerts shown per severity before "Show all". */
const FIRST_CHECKS = 10;

function CheckAlert({ check, index }: { check: PlanCheck; index: string }) {
  const navigate = useNavigate();
  const messageId = `check-${index}`;
  const goToField = () => {
    const state: FocusFieldState = { focusField: check.field };
    void navigate(paths.step(stepForField(check.field)), { state });
  };
  return (
    <Alert
      severity={check.severity}
      action={
        <Button
          color="inherit"
          size="small"
          className="no-print"
          aria-describedby={messageId}
          onClick={goToField}
          sx={{ whiteSpace: 'nowrap' }}
        >
          Go to field
        </Button>
      }
      sx={{
        alignItems: 'center',
        '& .MuiAlert-action': { pt: 0 },
        // A long address or name wraps at 360 px instead of being cut off.
        '& .MuiAlert-message': { minWidth: 0, overflowWrap: 'anywhere' },
      }}
    >
      <span id={messageId}>{check.message}</span>
    </Alert>
  );
}

function CheckGroup({ severity, checks }: { severity: CheckSeverity; checks: PlanCheck[] }) {
  const [showAll, setShowAll] = useState(false);
  const baseId = useId();
  const shown = showAll ? checks : checks.slice(0, FIRST_CHECKS);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="subtitle1" component="h4">
        {SEVERITY_LABELS[severity]} ({checks.length})
      </Typography>
      {shown.map((check, i) => (
        <CheckAlert
          key={`${check.code}|${check.field}|${i}`}
          check={check}
          index={`${baseId}-${i}`}
        />
      ))}
      {checks.length > FIRST_CHECKS && (
        <Box className="no-print">
          <Button size="small" onClick={() => setShowAll((v) => !v)}>
            {showAll
              ? `Show the first ${FIRST_CHECKS} only`
              : `Show all ${checks.length} ${SEVERITY_LABELS[severity].toLowerCase()}`}
          </Button>
        </Box>
      )}
    </Box>
  );
}

/** The plan checks as alerts, errors first, each with a way to the field to fix. */
export function ReviewChecks({ checks }: { checks: readonly PlanCheck[] }) {
  const headingId = useId();
  const groups = groupChecks(checks);
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Typography id={headingId} variant="h6" component="h3">
        Plan checks
      </Typography>
      {groups.length === 0 ? (
        <Alert severity="success">No problems found in the plan.</Alert>
      ) : (
        groups.map((group) => (
          <CheckGroup key={group.severity} severity={group.severity} checks={group.checks} />
        ))
      )}
    </Box>
  );
}
