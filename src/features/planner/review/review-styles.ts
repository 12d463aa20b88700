/**
 * The styles of the review's repeated parts (a rule's endpoints and hosts), declared once for the
 * page instead of computed per element (issue 18: the review of a large plan spent most of its
 * step change in MUI's per-element style work, hundreds of `sx` boxes for 50 rows). The classes
 * are plain `rv-*` names; ReviewPanel mounts them with one GlobalStyles.
 */
import type { Theme } from '@mui/material/styles';

const MONO = { fontFamily: 'monospace', fontSize: '0.8125rem' } as const;

export function reviewStyles(theme: Theme) {
  const palette = (theme.vars ?? theme).palette;
  return {
    '.rv-endpoint': { display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) },
    '.rv-block': { display: 'block' },
    '.rv-role': { ...theme.typography.caption, color: palette.text.secondary },
    '.rv-role-missing': { display: 'block', fontStyle: 'italic' },
    '.rv-name': { display: 'block', overflowWrap: 'break-word' },
    '.rv-address': { display: 'block', overflowWrap: 'break-word', ...MONO },
    '.rv-mono': MONO,
    '.rv-nowrap': { whiteSpace: 'nowrap' },
    '.rv-secondary': { ...theme.typography.body2, color: palette.text.secondary },
    '.rv-missing': {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      color: palette.text.secondary,
      '& > .rv-text': { ...theme.typography.body2, fontStyle: 'italic' },
    },
    '.rv-invalid': {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      color: palette.error.main,
      fontFamily: 'inherit',
      '& > .rv-text': { ...theme.typography.body2, fontStyle: 'italic' },
    },
    '.rv-facts': {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      marginTop: theme.spacing(0.25),
      '& > .rv-ids': { ...theme.typography.caption, color: palette.text.secondary },
    },
  } as const;
}

/**
 * The rows of the rules table: plain `<tr>`/`<td>` styled once by the table body (the look of
 * MUI's small TableCell and hover TableRow), no style computed per cell.
 */
export function ruleRowsSx(theme: Theme) {
  const palette = (theme.vars ?? theme).palette;
  return {
    '& > tr > td': {
      ...theme.typography.body2,
      padding: '6px 16px',
      verticalAlign: 'top',
      textAlign: 'left',
      // MUI's cell border: the theme's own variable (this theme always has CSS variables).
      borderBottom: `1px solid ${theme.vars?.palette.TableCell.border ?? palette.divider}`,
      color: palette.text.primary,
    },
    // MUI's small TableCell with padding="checkbox".
    '& > tr > td.rv-checkbox': { width: 24, padding: '0 12px 0 16px', '& > *': { padding: 0 } },
    '& > tr.rv-row:hover': { backgroundColor: palette.action.hover },
    '& > tr.rv-open > td': { borderBottom: 'unset' },
    '& > tr > td.rv-details': { paddingTop: 0, paddingBottom: 0 },
  } as const;
}
