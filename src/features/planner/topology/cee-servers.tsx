import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { HostFields } from '@/components/host-fields';
import { getCatalog } from '@/core/catalog/catalog';
import type { CeeServer, CeeServerOs } from '@/core/plan/model';
import { CEE_OS_CHOICES } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { quoteInput } from '@/core/validate/quote';
import { deviceNamesText, devicesUsingCeeServer } from '@/core/wizard/cee-servers';
import { useAppStore } from '@/state/store';

/**
 * Topology step: the Dell CEE servers that run on hosts of their own (plan.ceeServers). Each is
 * named once; Dell devices choose theirs in their options, and several may share one. Removing
 * one that devices use asks first, naming them; they then show an error until another is chosen.
 */
export function CeeServers() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const addCeeServer = useAppStore((s) => s.addCeeServer);
  const updateCeeServer = useAppStore((s) => s.updateCeeServer);
  const removeCeeServer = useAppStore((s) => s.removeCeeServer);
  const [asking, setAsking] = useState<CeeServer | null>(null);
  // The CEE server just added with the button: its name field takes the focus.
  const [added, setAdded] = useState<string | null>(null);
  const servers = plan.ceeServers;
  const full = servers.length >= PLAN_LIMITS.ceeServers;
  const askingUsers = asking ? devicesUsingCeeServer(plan, catalog, asking.id) : [];

  const remove = (cee: CeeServer): void => {
    if (devicesUsingCeeServer(plan, catalog, cee.id).length > 0) setAsking(cee);
    else removeCeeServer(cee.id);
  };

  return (
    <Stack spacing={2} data-field="ceeServers" sx={{ alignItems: 'stretch' }}>
      <Typography variant="body2" id="cee-servers-help" sx={{ color: 'text.secondary' }}>
        Only for Dell devices whose Common Event Enabler runs on a server of its own (the CEE on the
        agent server, recommended, needs nothing here). Name each CEE server once; each Dell device
        then chooses its CEE server in its options, and several devices may share one.
      </Typography>
      {servers.length > 0 && (
        <Stack
          spacing={2}
          component="ul"
          aria-label="CEE servers"
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {servers.map((cee, index) => {
            const users = devicesUsingCeeServer(plan, catalog, cee.id);
            const n = index + 1;
            return (
              <Stack
                key={cee.id}
                component="li"
                direction="row"
                spacing={1}
                sx={{ alignItems: 'flex-start' }}
              >
                <Stack spacing={1} sx={{ flexGrow: 1, minWidth: 0 }}>
                  <HostFields
                    id={cee.id}
                    fieldPrefix={`ceeServers.${index}`}
                    host={cee}
                    nameLabel={`CEE server ${n} name`}
                    addressLabel={`CEE server ${n} address`}
                    placeholderRole="CEE Server"
                    autoFocus={cee.id === added}
                    onChange={(patch) => updateCeeServer(cee.id, patch)}
                  />
                  <TextField
                    id={`${cee.id}-os`}
                    data-field={`ceeServers.${index}.os`}
                    select
                    label={`CEE server ${n} operating system`}
                    value={cee.os}
                    onChange={(e) => updateCeeServer(cee.id, { os: e.target.value as CeeServerOs })}
                    helperText={
                      users.length > 0
                        ? `Used by ${deviceNamesText(users)}.`
                        : 'Not used by any Dell device yet: choose it in a Dell device’s options.'
                    }
                    sx={{ maxWidth: { sm: '50%' } }}
                  >
                    {CEE_OS_CHOICES.map((c) => (
                      <MenuItem key={c.value} value={c.value}>
                        {c.label}
                      </MenuItem>
                    ))}
                  </TextField>
                </Stack>
                <IconButton
                  aria-label={`Remove CEE server ${n}${cee.name.trim() ? ` (${cee.name.trim()})` : ''}`}
                  onClick={() => remove(cee)}
                  sx={{ mt: 1 }}
                >
                  <DeleteOutlineIcon />
                </IconButton>
              </Stack>
            );
          })}
        </Stack>
      )}
      <Button
        startIcon={<AddIcon />}
        onClick={() => {
          addCeeServer();
          setAdded(useAppStore.getState().plan.ceeServers.at(-1)?.id ?? null);
        }}
        disabled={full}
        aria-describedby="cee-servers-help"
        sx={{ alignSelf: 'flex-start' }}
      >
        Add CEE server
      </Button>
      {full && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          A plan holds at most {PLAN_LIMITS.ceeServers} CEE servers.
        </Typography>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={`Remove CEE server ${quoteInput(asking?.name ?? '')}?`}
        confirmLabel="Remove"
        destructive
        onConfirm={() => {
          if (asking) removeCeeServer(asking.id);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
      >
        <Box component="p" sx={{ mt: 0 }}>
          {askingUsers.length === 1 ? 'This device sends' : 'These devices send'} their events to
          it: {deviceNamesText(askingUsers)}.
        </Box>
        <Box component="p" sx={{ mb: 0 }}>
          After removing it, each of them shows an error until you choose another CEE server (or the
          agent server) in its options.
        </Box>
      </ConfirmDialog>
    </Stack>
  );
}
