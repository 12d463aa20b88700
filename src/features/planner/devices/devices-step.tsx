import AddIcon from '@mui/icons-material/Add';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import TableRowsIcon from '@mui/icons-material/TableRowsOutlined';
import ViewAgendaIcon from '@mui/icons-material/ViewAgendaOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import DialogContentText from '@mui/material/DialogContentText';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { findEnvironment, getCatalog } from '@/core/catalog/catalog';
import type { Environment } from '@/core/catalog/model';
import type { NewDevice } from '@/core/import/device-sheet';
import type { RemovedDevice } from '@/core/plan/edit';
import type { Device } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import type { DeviceView } from '@/core/wizard/device-table';
import { deviceLabel, initialDeviceView } from '@/core/wizard/device-table';
import {
  deviceEnvironments,
  devicesOf,
  groupEnvironments,
  newDeviceName,
  unavailableDevices,
} from '@/core/wizard/devices';
import { useAppStore } from '@/state/store';

import { focusRequest } from '../shell/focus-field';
import { roleName } from '../shell/role-name';
import { StepSection } from '../shell/step-section';

import { DeviceInstance } from './device-instance';
import { DevicesTable } from './devices-table';
import { PasteDevicesDialog } from './paste-devices-dialog';
import { TenantField } from './tenant-field';

/** A "Go to field" request the table cannot show (a cloud device's own tenant): open the cards. */
function needsCards(state: unknown): boolean {
  return /^devices\.\d+\.tenant$/.test(focusRequest(state) ?? '');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function hasUserData(device: Device): boolean {
  return (
    device.addresses.length > 0 ||
    device.tenant.trim() !== '' ||
    Object.keys(device.options).length > 0
  );
}

export function DevicesStep() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const addDevice = useAppStore((s) => s.addDevice);
  const updateDevice = useAppStore((s) => s.updateDevice);
  const removeDevices = useAppStore((s) => s.removeDevices);
  const restoreDevices = useAppStore((s) => s.restoreDevices);
  const assignDevices = useAppStore((s) => s.assignDevices);
  const chosenView = useAppStore((s) => s.deviceView);
  const setDeviceView = useAppStore((s) => s.setDeviceView);
  const location = useLocation();
  const removeEnvironment = useAppStore((s) => s.removeEnvironment);
  const setMicrosoftTenant = useAppStore((s) => s.setMicrosoftTenant);
  const addDevices = useAppStore((s) => s.addDevices);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [pasted, setPasted] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [confirmUntick, setConfirmUntick] = useState<Environment | null>(null);
  const [undo, setUndo] = useState<{ removed: RemovedDevice[]; text: string } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  // A phone: the table would scroll sideways, so the cards open unless the user chose the table.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  // The view the step opens with, when the user has not chosen one: decided once, as the step
  // opens, so that it never changes under the user's hands while devices are added.
  const [openingView, setOpeningView] = useState<DeviceView>(() =>
    needsCards(location.state) ? 'cards' : initialDeviceView(null, plan.devices.length, narrow),
  );
  const view = chosenView ?? openingView;

  useEffect(() => {
    // After a removal the removed row (or the button) is gone: the focus goes to "Undo".
    if (undo) undoRef.current?.focus();
  }, [undo]);

  const available = deviceEnvironments(catalog, plan.amVersion);
  const groups = groupEnvironments(available, query);
  const ticked = available.filter((e) => plan.devices.some((d) => d.environment === e.id));
  const stale = unavailableDevices(plan, catalog);
  const full = plan.devices.length >= PLAN_LIMITS.devices;
  const cloud = ticked.filter((e) => e.addressKind === 'tenant');

  const addInstance = (environment: Environment) =>
    addDevice(environment.id, newDeviceName(useAppStore.getState().plan, environment));

  const addRow = (environmentId: string) => {
    const environment = available.find((e) => e.id === environmentId);
    if (environment) setFocusId(addInstance(environment));
  };

  const remove = (ids: readonly string[]) => {
    const names = plan.devices
      .filter((d) => ids.includes(d.id))
      .map((d) => deviceLabel(d, findEnvironment(catalog, d.environment)));
    const removed = removeDevices(ids);
    if (removed.length === 0) return;
    setUndo({
      removed,
      text:
        removed.length === 1
          ? `Removed “${names[0] ?? ''}”.`
          : `Removed ${plural(removed.length, 'device')}.`,
    });
  };

  const change = (id: string, patch: Partial<Omit<Device, 'id' | 'environment'>>) => {
    const { agentId, ...rest } = patch;
    // Choosing an agent server is remembered: the next new device gets it too.
    if (agentId !== undefined) assignDevices([id], agentId);
    if (Object.keys(rest).length > 0) updateDevice(id, rest);
  };

  const shown = plan.devices.filter((d) => available.some((e) => e.id === d.environment));
  const lastType = shown[shown.length - 1]?.environment ?? null;

  const addPasted = (devices: NewDevice[]) => {
    const ids = addDevices(devices);
    // A paste is a change of scale, not typing: many devices open in the table (unless chosen).
    setOpeningView(initialDeviceView(null, useAppStore.getState().plan.devices.length, narrow));
    setPasteOpen(false);
    setPasteText('');
    setPasted(
      `Added ${ids.length} ${ids.length === 1 ? 'device' : 'devices'} from the spreadsheet.`,
    );
  };

  const toggle = (environment: Environment, checked: boolean) => {
    if (checked) {
      if (devicesOf(plan, environment.id).length === 0) addInstance(environment);
      return;
    }
    if (devicesOf(plan, environment.id).some(hasUserData)) setConfirmUntick(environment);
    else removeEnvironment(environment.id);
  };

  return (
    <Stack spacing={3}>
      {stale.length > 0 && (
        <Alert severity="warning">
          <Typography variant="body2" component="p" sx={{ mb: 1 }}>
            These devices are not available in Activity Monitor {plan.amVersion}; they are left out
            of the rules. Remove them, or choose another version on the Topology step.
          </Typography>
          <Stack spacing={0.5} component="ul" sx={{ m: 0, pl: 2 }}>
            {stale.map((d) => (
              <li key={d.id}>
                {d.name} ({findEnvironment(catalog, d.environment)?.name ?? d.environment}){' '}
                <Button size="small" color="inherit" onClick={() => remove([d.id])}>
                  Remove {d.name}
                </Button>
              </li>
            ))}
          </Stack>
        </Alert>
      )}

      <StepSection
        title="What do you monitor?"
        intro={`Tick the platforms Activity Monitor ${plan.amVersion} monitors in your deployment. Each gets one device to start with; add more below.`}
      >
        <TextField
          id="device-search"
          type="search"
          label="Search devices"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          helperText="Filter by name, e.g. NetApp, Dell or Entra."
          sx={{ maxWidth: 420 }}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            startIcon={<ContentPasteIcon />}
            onClick={() => {
              setPasted(null);
              setPasteOpen(true);
            }}
            disabled={full}
          >
            Paste from spreadsheet
          </Button>
          {pasted !== null && (
            <Typography role="status" variant="body2">
              {pasted}
            </Typography>
          )}
        </Stack>
        {available.length === 0 && (
          <Alert severity="info">
            The catalog lists no devices for Activity Monitor {plan.amVersion}.
          </Alert>
        )}
        {available.length > 0 && groups.length === 0 && (
          <Typography role="status">No device matches “{query}”.</Typography>
        )}
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: {
              xs: '1fr',
              sm: 'repeat(2, minmax(0, 1fr))',
              lg: 'repeat(4, minmax(0, 1fr))',
            },
            alignItems: 'start',
          }}
        >
          {groups.map((group) => (
            <FormControl key={group.group} component="fieldset" variant="standard">
              <FormLabel component="legend" sx={{ fontWeight: 500, mb: 0.5 }}>
                {group.label}
              </FormLabel>
              <FormGroup>
                {group.environments.map((environment) => {
                  const count = devicesOf(plan, environment.id).length;
                  return (
                    <FormControlLabel
                      key={environment.id}
                      control={
                        <Checkbox
                          checked={count > 0}
                          disabled={count === 0 && full}
                          onChange={(e) => toggle(environment, e.target.checked)}
                        />
                      }
                      label={environment.name}
                    />
                  );
                })}
              </FormGroup>
            </FormControl>
          ))}
        </Box>
      </StepSection>

      {ticked.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>
          No device chosen yet. Without devices, the plan holds the rules between the console, the
          agent servers and the integrations.
        </Typography>
      ) : (
        <Stack spacing={2}>
          <Stack
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
          >
            <Typography variant="h6" component="h3">
              Your devices
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              aria-label="Show the devices as"
              onChange={(_, next: DeviceView | null) => {
                if (next) setDeviceView(next);
              }}
            >
              <ToggleButton value="table">
                <TableRowsIcon fontSize="small" sx={{ mr: 0.5 }} />
                Table
              </ToggleButton>
              <ToggleButton value="cards">
                <ViewAgendaIcon fontSize="small" sx={{ mr: 0.5 }} />
                Cards
              </ToggleButton>
            </ToggleButtonGroup>
          </Stack>
          {cloud.length > 0 && (
            <StepSection
              title="Microsoft cloud tenant"
              level="h4"
              intro={`Entered once for the Microsoft cloud services of the plan (${cloud.map((e) => e.name).join(', ')}). A device of another tenant says so on its card.`}
            >
              <TenantField
                id="microsoft-tenant"
                field="microsoftTenant"
                label="Microsoft tenant"
                value={plan.microsoftTenant}
                emptyText="No tenant yet: enter it once for the cloud services of the plan."
                onChange={setMicrosoftTenant}
              />
            </StepSection>
          )}
          {view === 'table' && (
            <DevicesTable
              plan={plan}
              catalog={catalog}
              devices={shown}
              groups={groupEnvironments(available)}
              defaultType={lastType}
              full={full}
              focusId={focusId}
              focusPath={focusRequest(location.state)}
              onFocused={() => setFocusId(null)}
              onAdd={addRow}
              onChange={change}
              onAssign={assignDevices}
              onRemove={remove}
            />
          )}
          {view === 'cards' &&
            ticked.map((environment) => {
              const devices = devicesOf(plan, environment.id);
              const placeholder = roleName(catalog, environment.endpointRole, environment.name);
              return (
                <StepSection
                  key={environment.id}
                  title={environment.name}
                  level="h4"
                  intro={environment.summary}
                >
                  <Stack spacing={2}>
                    {devices.map((device) => (
                      <DeviceInstance
                        key={device.id}
                        device={device}
                        path={`devices.${plan.devices.indexOf(device)}`}
                        environment={environment}
                        agents={plan.agents}
                        placeholderRole={placeholder}
                        planTenant={plan.microsoftTenant}
                        onChange={(patch) => change(device.id, patch)}
                        onRemove={() => remove([device.id])}
                      />
                    ))}
                  </Stack>
                  <Button
                    startIcon={<AddIcon />}
                    onClick={() => addInstance(environment)}
                    disabled={full}
                    sx={{ alignSelf: 'flex-start' }}
                  >
                    Add another {environment.name}
                  </Button>
                </StepSection>
              );
            })}
        </Stack>
      )}

      {undo && (
        <Alert
          role="status"
          severity="info"
          onClose={() => setUndo(null)}
          action={
            <Button
              ref={undoRef}
              color="inherit"
              size="small"
              onClick={() => {
                restoreDevices(undo.removed);
                setUndo(null);
              }}
            >
              Undo
            </Button>
          }
          sx={{ position: 'sticky', bottom: 8, zIndex: 1 }}
        >
          {undo.text}
        </Alert>
      )}

      {pasteOpen && (
        <PasteDevicesDialog
          open={pasteOpen}
          text={pasteText}
          onTextChange={setPasteText}
          onAdd={addPasted}
          onClose={() => setPasteOpen(false)}
        />
      )}

      <ConfirmDialog
        open={confirmUntick !== null}
        title={`Remove the ${confirmUntick?.name ?? ''} devices?`}
        confirmLabel="Remove"
        destructive
        onConfirm={() => {
          if (confirmUntick) removeEnvironment(confirmUntick.id);
          setConfirmUntick(null);
        }}
        onCancel={() => setConfirmUntick(null)}
      >
        <DialogContentText>
          Unticking {confirmUntick?.name} removes its devices with the addresses and options you
          entered.
        </DialogContentText>
      </ConfirmDialog>
    </Stack>
  );
}
