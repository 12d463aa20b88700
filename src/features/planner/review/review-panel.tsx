import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';

import { paths } from '@/config/paths';
import type { Erratum } from '@/core/catalog/model';
import type { HostFirewall } from '@/core/report/host-kind';
import type { ReportFirewall } from '@/core/report/zones';
import type { Resolution, ResolvedHost } from '@/core/resolve/model';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

import { ReviewChecks } from './review-checks';
import type { FocusFieldState } from './review-logic';
import { summaryOf, summaryText, zoneViewOf } from './review-logic';
import { ReviewRules } from './review-rules';
import { reviewStyles } from './review-styles';

const SHOW_INFERRED_FIELD: FocusFieldState = { focusField: 'settings.showInferred' };
/** No zones: one object, so the default prop stays the same between renders. */
const NO_ZONES = emptyZoneModel();

/**
 * The review step's content for a resolution: summary, plan checks, and the rules by flow or
 * by host. Takes its data as props (the step reads the store), so tests can hand it fixtures.
 */
export function ReviewPanel({
  resolution,
  hasDevices,
  showInferred,
  errata,
  firewallOf,
  hostActions,
  firewallActions,
  zoneModel = NO_ZONES,
}: {
  resolution: Resolution;
  hasDevices: boolean;
  showInferred: boolean;
  errata: readonly Erratum[];
  /** Whether a host has a firewall of its own (hostKinds of the plan; the "By host" groups). */
  firewallOf: (host: ResolvedHost) => HostFirewall;
  /** What each host of "By host" offers besides its rules (its downloads); none: nothing. */
  hostActions?: (host: ResolvedHost) => ReactNode;
  /** What each firewall of "By firewall" offers besides its rules (its downloads). */
  firewallActions?: (firewall: ReportFirewall) => ReactNode;
  /**
   * The plan's network zones (the step passes useZoneModel()): not empty, the rules gain "By
   * firewall" and each flow its path; empty, the review is as without zones.
   */
  zoneModel?: ZoneModel;
}) {
  // The zones are analysed once per resolution and zone model, for every view that reads them.
  const zones = zoneViewOf(zoneModel, resolution.rules);
  const errataById = useMemo(() => new Map(errata.map((e) => [e.id, e])), [errata]);
  const summary = summaryOf(resolution);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      <GlobalStyles styles={reviewStyles} />
      {!hasDevices && (
        <Alert
          severity="info"
          action={
            <Button
              color="inherit"
              size="small"
              component={RouterLink}
              to={paths.step('devices')}
              className="no-print"
              sx={{ whiteSpace: 'nowrap' }}
            >
              Add devices
            </Button>
          }
        >
          No devices yet. Add the platforms Activity Monitor should monitor; until then only the
          console and agent rules are listed.
        </Alert>
      )}
      <Typography variant="body1" data-testid="review-summary">
        {summaryText(summary)}
      </Typography>
      <ReviewChecks checks={resolution.checks} />
      {!showInferred && (
        <Alert severity="info" className="no-print">
          Inferred rules (needed in practice but not stated by the vendor) are hidden.{' '}
          <Link component={RouterLink} to={paths.step('options')} state={SHOW_INFERRED_FIELD}>
            Show inferred rules
          </Link>{' '}
          in the options step.
        </Alert>
      )}
      <ReviewRules
        rules={resolution.rules}
        errata={errataById}
        firewallOf={firewallOf}
        zones={zones}
        {...(hostActions ? { hostActions } : {})}
        {...(firewallActions ? { firewallActions } : {})}
      />
    </Box>
  );
}
