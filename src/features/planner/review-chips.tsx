import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';

import type { ResolvedRule } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';

/** The chips of a rule: not ready (invalid values; no script opens it), inferred, erratum. */
export function RuleChips({ rule }: { rule: ResolvedRule }) {
  const problems = ruleProblems(rule);
  if (rule.basis !== 'inferred' && rule.errata.length === 0 && problems.length === 0) return null;
  return (
    <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
      {problems.length > 0 && (
        <Chip
          size="small"
          color="error"
          icon={<ErrorOutlineIcon />}
          label="Not ready: no script opens it"
          title={problems.join('\n')}
        />
      )}
      {rule.basis === 'inferred' && <Chip size="small" variant="outlined" label="Inferred" />}
      {rule.errata.length > 0 && (
        <Chip
          size="small"
          variant="outlined"
          icon={<ReportProblemOutlinedIcon color="warning" />}
          label={rule.errata.length > 1 ? `Errata (${rule.errata.length})` : 'Erratum'}
        />
      )}
    </Box>
  );
}
