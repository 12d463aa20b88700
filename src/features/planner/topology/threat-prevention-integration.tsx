import Alert from '@mui/material/Alert';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';

import { HostFields } from '@/components/host-fields';
import { getCatalog } from '@/core/catalog/catalog';
import { integrationSourceEnvironments, planHostRoleName } from '@/core/wizard/plan-host-roles';
import { useAppStore } from '@/state/store';

/**
 * Topology step, integrations: Threat Prevention for NAS (plan.integrations.threatPrevention). Its
 * agent runs on the agent servers that monitor NAS devices and reports to the Enterprise Manager.
 */
export function ThreatPreventionIntegration() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const setIntegration = useAppStore((s) => s.setIntegration);
  const { threatPrevention, threatManager } = plan.integrations;
  const sources = integrationSourceEnvironments(plan, catalog, 'threatPrevention');
  const platforms = sources?.environments.map((e) => e.name).join(', ') ?? '';

  return (
    <>
      <FormControl data-field="integrations.threatPrevention.enabled">
        <FormControlLabel
          control={
            <Switch
              checked={threatPrevention.enabled}
              onChange={(e) => setIntegration('threatPrevention', { enabled: e.target.checked })}
              slotProps={{ input: { 'aria-describedby': 'tp-help' } }}
            />
          }
          label="Netwrix Threat Prevention for NAS"
          // Lined up with the other integration switches (direct children of a Stack).
          sx={{ ml: 0 }}
        />
        <FormHelperText id="tp-help" sx={{ mt: 0, ml: 0 }}>
          A Threat Prevention agent on each agent server that monitors NAS devices sends their
          activity to the Enterprise Manager (gRPC TCP 3741) and, with Threat Manager on, to Threat
          Manager (TCP 10000, 10001).
        </FormHelperText>
      </FormControl>
      {threatPrevention.enabled && (
        <Stack spacing={2} sx={{ pl: { xs: 0, sm: 2 } }}>
          <HostFields
            id="host-threatPrevention"
            fieldPrefix="integrations.threatPrevention"
            host={threatPrevention}
            nameLabel="Enterprise Manager name"
            addressLabel="Enterprise Manager address"
            placeholderRole={planHostRoleName(
              catalog,
              plan,
              'threatPrevention',
              'Threat Prevention Enterprise Manager',
            )}
            onChange={(patch) => setIntegration('threatPrevention', patch)}
          />
          {sources && !sources.inPlan && (
            <Alert severity="info">
              No device of this plan is a NAS platform Threat Prevention supports ({platforms}):
              there is no Threat Prevention connection to plan yet.
            </Alert>
          )}
          {!threatManager.enabled && (
            <Alert severity="info">
              Threat Manager is off: switch it on above if Threat Prevention also reports to it.
            </Alert>
          )}
        </Stack>
      )}
    </>
  );
}
