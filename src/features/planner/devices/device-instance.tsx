import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { AddressListField } from '@/components/address-list-field';
import type { Environment } from '@/core/catalog/model';
import type { AgentServer, Device } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { deviceLabel } from '@/core/wizard/device-table';

import { FieldName } from './field-name';
import { TenantField } from './tenant-field';

export interface DeviceInstanceProps {
  device: Device;
  /** Plan path of the device, e.g. "devices.2" (for "Go to field"). */
  path: string;
  environment: Environment;
  agents: readonly AgentServer[];
  /** Role name shown in rules while the address is missing. */
  placeholderRole: string;
  /** The plan's Microsoft tenant (cloud devices use it unless they name another). */
  planTenant: string;
  onChange: (patch: Partial<Omit<Device, 'id' | 'environment'>>) => void;
  onRemove: () => void;
}

/** A cloud device's tenant: the plan's, unless it names another one (shown whenever it does). */
function OtherTenant({
  device,
  label,
  path,
  planTenant,
  onChange,
}: {
  device: Device;
  /** The device's name in its fields' labels. */
  label: string;
  path: string;
  planTenant: string;
  onChange: (tenant: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const holds = device.tenant !== '';
  const regionId = `${device.id}-other-tenant`;
  const planText = planTenant.trim();
  // One tree for both states, so the field keeps its place (and the focus) as it fills.
  return (
    <Stack spacing={1}>
      {!holds && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {planText === ''
            ? "Uses the plan's Microsoft tenant (enter it above)."
            : `Uses the plan's Microsoft tenant (${planText}).`}
        </Typography>
      )}
      {!holds && (
        <Button
          color="inherit"
          aria-expanded={open}
          aria-controls={open ? regionId : undefined}
          startIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          onClick={() => setOpen(!open)}
          sx={{ alignSelf: 'flex-start' }}
        >
          Uses another tenant
        </Button>
      )}
      {(open || holds) && (
        <Box id={regionId}>
          <TenantField
            id={`${device.id}-tenant`}
            field={`${path}.tenant`}
            label={<FieldName device={label} field="Other tenant" />}
            value={device.tenant}
            emptyText="Empty: the device uses the plan's Microsoft tenant."
            onChange={onChange}
          />
        </Box>
      )}
      {holds && (
        <Button
          color="inherit"
          onClick={() => {
            setOpen(false);
            onChange('');
          }}
          sx={{ alignSelf: 'flex-start' }}
        >
          Use the plan&apos;s tenant instead
        </Button>
      )}
    </Stack>
  );
}

/** One device: display name, addresses (or another tenant), and the agent that monitors it. */
export function DeviceInstance({
  device,
  path,
  environment,
  agents,
  placeholderRole,
  planTenant,
  onChange,
  onRemove,
}: DeviceInstanceProps) {
  const agentKnown = agents.some((a) => a.id === device.agentId);
  const label = deviceLabel(device, environment);
  return (
    <Paper variant="outlined" role="group" aria-label={label} sx={{ p: 2 }}>
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
          label={<FieldName device={label} field="Name" />}
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
            label={<FieldName device={label} field="Agent server" />}
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
            <OtherTenant
              device={device}
              label={label}
              path={path}
              planTenant={planTenant}
              onChange={(tenant) => onChange({ tenant })}
            />
          ) : (
            <AddressListField
              id={`${device.id}-addresses`}
              field={`${path}.addresses`}
              label={
                <FieldName
                  device={label}
                  field={environment.allowsCidr ? 'Addresses or CIDR blocks' : 'Addresses'}
                />
              }
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
        aria-label={`Remove ${label}`}
      >
        Remove
      </Button>
    </Paper>
  );
}
