import EditNoteOutlinedIcon from '@mui/icons-material/EditNoteOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';

import type { ResolvedRule } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';

/**
 * The chips of a rule: not ready (invalid values; no script opens it: the one the user must act
 * on, in the error colour), inferred, and a neutral marker where the planner corrected the vendor
 * documentation (errata: shown, nothing to do).
 */
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
          icon={<EditNoteOutlinedIcon />}
          label={
            rule.errata.length > 1
              ? `Vendor doc corrected (${rule.errata.length})`
              : 'Vendor doc corrected'
          }
          title={`Errata ${rule.errata.join(', ')}: the planner corrects the vendor documentation here; see "Why this rule exists".`}
        />
      )}
    </Box>
  );
}
