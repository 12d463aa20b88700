import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import type { ReactNode } from 'react';

import { HostFields } from '@/components/host-fields';
import { PortField } from '@/components/port-field';
import { getCatalog } from '@/core/catalog/catalog';
import { DEFAULT_PROXY_PORT } from '@/core/plan/model';
import { planHostRoleName } from '@/core/wizard/plan-host-roles';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';

export interface FeatureSwitchProps {
  /** Plan path of the value, e.g. "deployment.pushInstall". */
  field: string;
  /** Id of the help text. */
  helpId: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help: ReactNode;
}

/** A switch with its help text under it (the help is the switch's description). */
export function FeatureSwitch({
  field,
  helpId,
  label,
  checked,
  onChange,
  help,
}: FeatureSwitchProps) {
  return (
    <FormControl data-field={field}>
      <FormControlLabel
        control={
          <Switch
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            slotProps={{ input: { 'aria-describedby': helpId } }}
          />
        }
        label={label}
      />
      <FormHelperText id={helpId} sx={{ mt: 0, ml: 0 }}>
        {help}
      </FormHelperText>
    </FormControl>
  );
}

/** Topology step: how agents are deployed, their network proxy and log archiving. */
export function DeploymentSection() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const { deployment } = plan;
  const setDeployment = useAppStore((s) => s.setDeployment);
  const { pushInstall, proxy, archive } = deployment;

  return (
    <StepSection
      title="Agent deployment and settings"
      intro="How agents are installed and set up beyond monitoring. Each choice adds the connections it needs."
    >
      <Stack spacing={2}>
        <FeatureSwitch
          field="deployment.pushInstall"
          helpId="deployment-push-help"
          label="Agents are deployed from the console (push install)"
          checked={pushInstall}
          onChange={(checked) => setDeployment({ pushInstall: checked })}
          help="The console installs and upgrades agents remotely: SMB 445 and WMI to every Windows agent host, SSH 22 to every Linux host (ports inferred). Leave off when agents are installed by hand."
        />

        <FeatureSwitch
          field="deployment.proxy.enabled"
          helpId="deployment-proxy-help"
          label="Network proxy for Microsoft cloud traffic"
          checked={proxy.enabled}
          onChange={(checked) => setDeployment({ proxy: { enabled: checked } })}
          help="Agent properties, Network Proxy tab. The agents reach Entra ID, Exchange Online, SharePoint Online and Azure Files through the proxy instead of directly."
        />
        {proxy.enabled && (
          <Stack spacing={2} sx={{ pl: { xs: 0, sm: 2 } }}>
            <HostFields
              id="proxy"
              fieldPrefix="deployment.proxy"
              host={proxy}
              nameLabel="Proxy name"
              addressLabel="Proxy address"
              placeholderRole={planHostRoleName(catalog, plan, 'proxy', 'Network proxy')}
              onChange={(patch) => setDeployment({ proxy: patch })}
            />
            <PortField
              id="proxy-port"
              field="deployment.proxy.port"
              label="Proxy port"
              value={proxy.port}
              hint={`Enter the port your proxy listens on; ${DEFAULT_PROXY_PORT} is only a common default.`}
              required
              onChange={(port) => setDeployment({ proxy: { port: port ?? '' } })}
            />
          </Stack>
        )}

        <FeatureSwitch
          field="deployment.archive.enabled"
          helpId="deployment-archive-help"
          label="Archive logs to a network share"
          checked={archive.enabled}
          onChange={(checked) => setDeployment({ archive: { enabled: checked } })}
          help="Agent properties, Archiving tab: older activity logs move to a UNC path, so every agent host needs SMB 445 to that server (port inferred)."
        />
        {archive.enabled && (
          <Box sx={{ pl: { xs: 0, sm: 2 } }}>
            <HostFields
              id="archive"
              fieldPrefix="deployment.archive"
              host={archive}
              nameLabel="Archive server name"
              addressLabel="Archive server address"
              placeholderRole={planHostRoleName(catalog, plan, 'archive', 'Archive share server')}
              onChange={(patch) => setDeployment({ archive: patch })}
            />
          </Box>
        )}
      </Stack>
    </StepSection>
  );
}
