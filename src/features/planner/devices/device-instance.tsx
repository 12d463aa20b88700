import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

import { AddressListField } from '@/components/address-list-field';
import { FieldWarning } from '@/components/field-message';
import type { Environment } from '@/core/catalog/model';
import type { AgentServer, Device } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { validateHostName } from '@/core/validate/host-name';

export interface DeviceInstanceProps {
  device: Device;
  /** Plan path of the device, e.g. "devices.2" (for "Go to field"). */
  path: string;
  environment: Environment;
  agents: readonly AgentServer[];
  /** Role name shown in rules while the address (or tenant) is missing. */
  placeholderRole: string;
  onChange: (patch: Partial<Omit<Device, 'id' | 'environment'>>) => void;
  onRemove: () => void;
}

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tenantHelp(tenant: string, placeholderRole: string) {
  const text = tenant.trim();
  if (text === '') {
    return {
      error: false,
      helperText: (
        <FieldWarning>No tenant yet: the rules will show “{placeholderRole}” instead.</FieldWarning>
      ),
    };
  }
  if (TENANT_ID.test(text)) return { error: false, helperText: 'Tenant ID.' };
  const error = validateHostName(text);
  return error
    ? {
        error: true,
        helperText: `${error} A tenant is a domain like contoso.onmicrosoft.com or a tenant ID.`,
      }
    : { error: false, helperText: 'For example contoso.onmicrosoft.com.' };
}

/** One device: display name, addresses or tenant, and the agent that monitors it. */
export function DeviceInstance({
  device,
  path,
  environment,
  agents,
  placeholderRole,
  onChange,
  onRemove,
}: DeviceInstanceProps) {
  const agentKnown = agents.some((a) => a.id === device.agentId);
  const tenant = tenantHelp(device.tenant, placeholderRole);
  return (
    <Paper
      variant="outlined"
      role="group"
      aria-label={device.name || environment.name}
      sx={{ p: 2 }}
    >
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
          alignItems: 'start',
        }}
      >
        <TextField
          id={`${device.id}-name`}
          data-field={`${path}.name`}
          label="Display name"
          value={device.name}
          onChange={(e) => onChange({ name: e.target.value })}
          slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text } }}
          fullWidth
        />
        {environment.agentMode === 'proxy' ? (
          <TextField
            id={`${device.id}-agent`}
            data-field={`${path}.agentId`}
            select
            label="Monitored by agent server"
            value={agentKnown ? device.agentId : ''}
            error={!agentKnown}
            helperText={agentKnown ? undefined : 'Choose the agent server that monitors it.'}
            onChange={(e) => onChange({ agentId: e.target.value })}
            fullWidth
          >
            {agents.map((a) => (
              <MenuItem key={a.id} value={a.id}>
                {a.name || a.id}
                {a.address ? ` (${a.address})` : ''}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary', alignSelf: 'center' }}>
            The Activity Agent runs on this host itself.
          </Typography>
        )}
        <Box sx={{ gridColumn: '1 / -1' }}>
          {environment.addressKind === 'tenant' ? (
            <TextField
              id={`${device.id}-tenant`}
              data-field={`${path}.tenant`}
              label="Tenant name"
              value={device.tenant}
              error={tenant.error}
              helperText={tenant.helperText}
              onChange={(e) => onChange({ tenant: e.target.value })}
              slotProps={{
                htmlInput: {
                  maxLength: PLAN_LIMITS.address,
                  spellCheck: false,
                  autoCapitalize: 'none',
                },
              }}
              fullWidth
            />
          ) : (
            <AddressListField
              id={`${device.id}-addresses`}
              field={`${path}.addresses`}
              label={environment.allowsCidr ? 'Addresses or CIDR blocks' : 'Addresses'}
              addresses={device.addresses}
              allowCidr={environment.allowsCidr}
              placeholderRole={placeholderRole}
              onChange={(addresses) => onChange({ addresses })}
            />
          )}
        </Box>
      </Box>
      <Button
        color="inherit"
        startIcon={<DeleteOutlineIcon />}
        onClick={onRemove}
        sx={{ mt: 1 }}
        aria-label={`Remove ${device.name || environment.name}`}
      >
        Remove
      </Button>
    </Paper>
  );
}
