import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { useLocation } from 'react-router';

import { addressHelp } from '@/components/address-help';
import { PortField } from '@/components/port-field';
import { useProgressiveCount } from '@/components/use-progressive-count';
import { getCatalog } from '@/core/catalog/catalog';
import type { Catalog, CatalogOption } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';
import { DEFAULT_RPC_RANGE } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import type { CeeLocation } from '@/core/wizard/cee-servers';
import { ceeLocation, ceeServerLabel, isShownInsideLocation } from '@/core/wizard/cee-servers';
import type { DeviceOptionsView } from '@/core/wizard/options';
import {
  describeDefault,
  devicesNeedingOptions,
  isOptionRelevant,
  optionFieldValue,
  portSettingOf,
  relevantGlobalSettings,
} from '@/core/wizard/options';
import { useAppStore } from '@/state/store';

import { focusRequest } from '../shell/focus-field';
import { roleName } from '../shell/role-name';
import { StepSection } from '../shell/step-section';

import { AgentServicesSection } from './agent-services-section';

interface OptionFieldProps {
  catalog: Catalog;
  device: Device;
  /** Plan path of the device, e.g. "devices.2". */
  devicePath: string;
  option: CatalogOption;
}

function OptionField({ catalog, device, devicePath, option }: OptionFieldProps) {
  const plan = useAppStore((s) => s.plan);
  const setDeviceOption = useAppStore((s) => s.setDeviceOption);
  const clearDeviceOption = useAppStore((s) => s.clearDeviceOption);
  const id = `${device.id}-${option.id}`;
  const field = `${devicePath}.options.${option.id}`;
  const value = optionFieldValue(device, option, catalog);
  const defaultValue = describeDefault(option, catalog);
  // The catalog's help often names the default already ("default 4496"): say it once.
  const hint = option.help.includes(defaultValue)
    ? option.help
    : `${option.help} Default: ${defaultValue}.`;

  switch (option.type) {
    case 'boolean':
      return (
        <FormControl data-field={field}>
          <FormControlLabel
            control={
              <Switch
                checked={value === true || value === 'true'}
                onChange={(e) => setDeviceOption(device.id, option.id, e.target.checked)}
                slotProps={{ input: { 'aria-describedby': `${id}-help` } }}
              />
            }
            label={option.label}
          />
          <FormHelperText id={`${id}-help`} sx={{ mt: 0 }}>
            {hint}
          </FormHelperText>
        </FormControl>
      );
    case 'choice': {
      const location = ceeLocation(plan, device, option, catalog);
      if (location) {
        return (
          <CeeLocationField
            device={device}
            field={field}
            id={id}
            location={location}
            option={option}
          />
        );
      }
      const choices = option.choices ?? [];
      const current = String(value);
      return (
        <TextField
          id={id}
          data-field={field}
          select
          label={option.label}
          value={choices.some((c) => c.value === current) ? current : ''}
          helperText={hint}
          onChange={(e) => setDeviceOption(device.id, option.id, e.target.value)}
          fullWidth
        >
          {choices.map((c) => (
            <MenuItem key={c.value} value={c.value}>
              {c.label}
            </MenuItem>
          ))}
        </TextField>
      );
    }
    case 'address': {
      const text = typeof value === 'string' ? value : '';
      const role = catalog.roles.find((r) => r.option === option.id);
      const help = text.trim() === '' ? null : addressHelp(text, option.label);
      return (
        <TextField
          id={id}
          data-field={field}
          label={option.label}
          value={text}
          error={help?.error ?? false}
          helperText={help?.error ? help.helperText : hint}
          onChange={(e) => {
            if (e.target.value === '') clearDeviceOption(device.id, option.id);
            else setDeviceOption(device.id, option.id, e.target.value);
          }}
          placeholder={role ? roleName(catalog, role.id, option.label) : undefined}
          slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text, spellCheck: false } }}
          fullWidth
        />
      );
    }
    case 'cee-server':
      return <CeeServerField device={device} field={field} id={id} option={option} />;
    case 'port': {
      const setting = portSettingOf(option, catalog);
      return (
        <PortField
          id={id}
          field={field}
          label={option.label}
          value={typeof value === 'boolean' ? String(value) : value}
          min={setting?.min}
          max={setting?.max}
          hint={hint}
          onChange={(port) => {
            if (port === null) clearDeviceOption(device.id, option.id);
            else setDeviceOption(device.id, option.id, String(port));
          }}
        />
      );
    }
  }
}

interface CeeServerFieldProps {
  device: Device;
  field: string;
  id: string;
  option: CatalogOption;
}

/**
 * A Dell device's CEE server: one of the plan's CEE servers (named on the Topology step). A
 * value that names none of them (the server was removed) is shown as an error, never replaced.
 */
function CeeServerField({ device, field, id, option }: CeeServerFieldProps) {
  const ceeServers = useAppStore((s) => s.plan.ceeServers);
  const setDeviceOption = useAppStore((s) => s.setDeviceOption);
  const stored = device.options[option.id];
  const current = typeof stored === 'string' ? stored : '';
  const known = ceeServers.some((c) => c.id === current);
  const helperText =
    current !== '' && !known
      ? 'The CEE server this device named is no longer in the plan: choose one.'
      : ceeServers.length === 0
        ? 'Add a CEE server on the Topology step first, then choose it here.'
        : current === ''
          ? `Choose the CEE server. ${option.help}`
          : option.help;
  return (
    <TextField
      id={id}
      data-field={field}
      select
      label={option.label}
      value={known ? current : ''}
      error={current !== '' ? !known : ceeServers.length === 0}
      helperText={helperText}
      onChange={(e) => setDeviceOption(device.id, option.id, e.target.value)}
      fullWidth
    >
      {ceeServers.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {ceeServerLabel(c)}
        </MenuItem>
      ))}
    </TextField>
  );
}

interface CeeLocationFieldProps {
  device: Device;
  field: string;
  id: string;
  location: CeeLocation;
  option: CatalogOption;
}

/**
 * A Dell device's CEE location in one list: on the agent server, or on one of the plan's CEE
 * servers (named on the Topology step). A choice that names no CEE server of the plan (none
 * chosen, or one removed) is an error next to the field, never replaced.
 */
function CeeLocationField({ device, field, id, location, option }: CeeLocationFieldProps) {
  const setDeviceOptions = useAppStore((s) => s.setDeviceOptions);
  const { items, current, problem, serverOption } = location;
  return (
    <TextField
      id={id}
      data-field={problem && current === '' ? field.replace(option.id, serverOption.id) : field}
      select
      label={option.label}
      value={current}
      error={problem !== null}
      helperText={
        problem ??
        `${option.help} Several Dell devices may share one CEE server; name them on the Topology step.`
      }
      onChange={(e) => {
        const item = items.find((i) => i.value === e.target.value);
        if (item) setDeviceOptions(device.id, item.patch);
      }}
      // A native list: one click (or the keyboard) to choose where the CEE runs.
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      fullWidth
    >
      {current === '' && (
        <option value="" disabled>
          Choose…
        </option>
      )}
      {items.map((item) => (
        <option key={item.value} value={item.value}>
          {item.label}
        </option>
      ))}
    </TextField>
  );
}

/**
 * One device's options. Memoised on what it shows (the plan, the device, its platform, its
 * place): while the step lists thousands of devices in steps, each step renders only the new
 * sections, not every one listed so far (issue 18: 104 s and 289 ms tasks for 5,000 devices).
 */
const DeviceOptions = memo(
  function DeviceOptions({
    plan,
    catalog,
    view: { device, environment, options },
    index,
  }: {
    plan: Plan;
    catalog: Catalog;
    view: DeviceOptionsView;
    index: number;
  }) {
    return (
      <StepSection
        title={
          device.name === environment.name ? device.name : `${device.name} (${environment.name})`
        }
        level="h4"
      >
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
            alignItems: 'start',
          }}
        >
          {options
            .filter((o) => isOptionRelevant(plan, device, o, catalog))
            .filter((o) => !isShownInsideLocation(o, catalog))
            .map((option) => (
              <OptionField
                key={option.id}
                catalog={catalog}
                device={device}
                devicePath={`devices.${index}`}
                option={option}
              />
            ))}
        </Box>
      </StepSection>
    );
  },
  // The options list is made anew on every render from the platform and the catalog.
  (a, b) =>
    a.plan === b.plan &&
    a.catalog === b.catalog &&
    a.index === b.index &&
    a.view.device === b.view.device &&
    a.view.environment === b.view.environment,
);

/** Device sections painted at once; the rest follow OPTIONS_STEP at a time (issue 18). */
export const OPTIONS_FIRST = 40;
const OPTIONS_STEP = 40;

export function OptionsStep() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const setSettings = useAppStore((s) => s.setSettings);
  const views = devicesNeedingOptions(plan, catalog);
  // Each device's place in the plan (its fields' paths), once: indexOf per device was quadratic.
  const indexOf = new Map(plan.devices.map((d, i) => [d, i]));
  // A plan of thousands of devices paints its first sections at once and the rest in steps; a
  // "Go to field" request renders them all first, so that the field exists to take the focus.
  const location = useLocation();
  const shown = useProgressiveCount(views.length, {
    first: OPTIONS_FIRST,
    step: OPTIONS_STEP,
    all: focusRequest(location.state) !== null,
  });
  const globals = relevantGlobalSettings(plan, catalog);
  const { rpcRange, ports, showInferred } = plan.settings;
  const setRpcRange = (patch: Partial<typeof rpcRange>) =>
    setSettings({ rpcRange: { ...useAppStore.getState().plan.settings.rpcRange, ...patch } });

  return (
    <Stack spacing={3}>
      <StepSection
        title="Device options"
        intro="How your devices are set up changes which ports they need. The defaults fit most deployments."
      >
        {views.length === 0 ? (
          <Typography>
            {plan.devices.length === 0
              ? 'No device chosen, so there are no device options.'
              : 'None of the chosen devices needs options.'}
          </Typography>
        ) : (
          <Stack spacing={2}>
            {views.slice(0, shown).map((view) => (
              <DeviceOptions
                key={view.device.id}
                plan={plan}
                catalog={catalog}
                view={view}
                index={indexOf.get(view.device) ?? -1}
              />
            ))}
            {shown < views.length && (
              <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
                Listing the options of {views.length - shown} more devices…
              </Typography>
            )}
          </Stack>
        )}
      </StepSection>

      <StepSection
        title="Global settings"
        intro="Values that apply to the whole deployment. Change them only if your servers differ from the defaults."
      >
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <PortField
            id="rpc-from"
            field="settings.rpcRange.from"
            label="Dynamic RPC range: from"
            value={rpcRange.from}
            hint={`Windows default ${DEFAULT_RPC_RANGE.from}.`}
            check={(n) =>
              typeof rpcRange.to === 'number' && n > rpcRange.to
                ? `Must not be above the end of the range (${rpcRange.to}).`
                : null
            }
            required
            onChange={(n) => setRpcRange({ from: n ?? '' })}
          />
          <PortField
            id="rpc-to"
            field="settings.rpcRange.to"
            label="Dynamic RPC range: to"
            value={rpcRange.to}
            hint={`Windows default ${DEFAULT_RPC_RANGE.to}.`}
            check={(n) =>
              typeof rpcRange.from === 'number' && n < rpcRange.from
                ? `Must not be below the start of the range (${rpcRange.from}).`
                : null
            }
            required
            onChange={(n) => setRpcRange({ to: n ?? '' })}
          />
        </Stack>
        {globals.map((setting) => (
          <PortField
            key={setting.id}
            id={`setting-${setting.id}`}
            field={`settings.ports.${setting.id}`}
            label={setting.name}
            value={ports[setting.id] ?? setting.default}
            min={setting.min}
            max={setting.max}
            hint={`Default ${setting.default}. Set in: ${setting.where}.`}
            onChange={(n) => {
              const next = { ...useAppStore.getState().plan.settings.ports };
              if (n === null || n === setting.default) delete next[setting.id];
              else next[setting.id] = n;
              setSettings({ ports: next });
            }}
          />
        ))}
        <FormControl data-field="settings.showInferred">
          <FormControlLabel
            control={
              <Switch
                checked={showInferred}
                onChange={(e) => setSettings({ showInferred: e.target.checked })}
                slotProps={{ input: { 'aria-describedby': 'show-inferred-help' } }}
              />
            }
            label="Show inferred rules"
          />
          <FormHelperText id="show-inferred-help" sx={{ mt: 0 }}>
            Rules the vendor documentation does not state but the product needs (marked “inferred”
            in the results). On by default.
          </FormHelperText>
        </FormControl>
      </StepSection>

      <AgentServicesSection />
    </Stack>
  );
}
