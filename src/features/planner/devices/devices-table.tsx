/**
 * The plan's devices as a table (issue 15, "Data entry at scale"): one row per device, with its
 * name, addresses and agent server edited in the cells (Tab moves along a row, then to the next
 * row), a checkbox per row to select devices, and bulk "Assign to agent…" and "Remove" for the
 * selection. Removal goes through the step (undoable there).
 *
 * A large plan's table renders only the rows near the viewport (issue 18, "Large estates stay
 * instant"; see windowed-rows.tsx): the selection still covers every device, a "Go to field"
 * request or a new device renders its row before focusing it, and the focused row stays rendered.
 */
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useId, useMemo, useState } from 'react';

import { AddressListField } from '@/components/address-list-field';
import type { Catalog, Environment, EnvironmentId } from '@/core/catalog/model';
import type { AgentServer, Device, Plan } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { deviceOptionsSummary } from '@/core/wizard/device-options-summary';
import { deviceFieldName, deviceLabel } from '@/core/wizard/device-table';
import type { EnvironmentGroupView } from '@/core/wizard/devices';

import { roleName } from '../shell/role-name';

import { visuallyHidden } from './visually-hidden';
import type { WindowedRowProps } from './windowed-rows';
import { WindowedRows } from './windowed-rows';

/** Up to this many devices every row is rendered; past it, only the rows near the viewport. */
export const WINDOWED_PAST = 50;
/** A one-line row's height in pixels (a small text field and the cell's padding). */
const ROW_ESTIMATE = 53;
const COLUMNS = 7;

export interface DevicesTableProps {
  plan: Plan;
  catalog: Catalog;
  /** The devices shown (the plan's, in plan order, whose platform the plan's version has). */
  devices: readonly Device[];
  /** The platforms a new device can be, grouped as the step lists them. */
  groups: readonly EnvironmentGroupView[];
  /** The platform the "Add device" select starts on. */
  defaultType: EnvironmentId | null;
  /** Whether the plan holds as many devices as it can. */
  full: boolean;
  /** A device whose name field takes the focus when its row appears (a device just added). */
  focusId: string | null;
  /** The plan path a "Go to field" request is about to focus ("devices.123.addresses"): its row is rendered. */
  focusPath?: string | null;
  onFocused: () => void;
  onAdd: (environment: EnvironmentId) => void;
  onChange: (id: string, patch: Partial<Omit<Device, 'id' | 'environment'>>) => void;
  onAssign: (ids: string[], agentId: string) => void;
  onRemove: (ids: string[]) => void;
}

function agentText(agent: AgentServer): string {
  const name = agent.name.trim() || agent.id;
  return agent.address ? `${name} (${agent.address})` : name;
}

function tenantText(device: Device, planTenant: string): string {
  if (device.tenant !== '') return `Tenant: ${device.tenant}`;
  return planTenant.trim() === '' ? 'The plan’s tenant (none yet)' : `The plan’s tenant`;
}

/**
 * One device's row. Memoised, its props stable while the page scrolls (callbacks take the
 * device's id): scrolling renders only the rows that come into the window.
 */
const Row = memo(function Row({
  device,
  index,
  rowIndex,
  rowRef,
  dataIndex,
  environment,
  plan,
  catalog,
  selected,
  focus,
  onFocused,
  onSelect,
  onChange,
  onRemove,
}: {
  device: Device;
  index: number;
  /** The row's place in the table for screen readers (the header row is 1). */
  rowIndex: number;
  /** For the window virtualizer: the row's element (to measure it) and its index. */
  rowRef?: WindowedRowProps['ref'];
  dataIndex?: number;
  environment: Environment | undefined;
  plan: Plan;
  catalog: Catalog;
  selected: boolean;
  focus: boolean;
  onFocused: () => void;
  onSelect: (id: string, selected: boolean) => void;
  onChange: DevicesTableProps['onChange'];
  onRemove: (id: string) => void;
}) {
  const label = deviceLabel(device, environment);
  const name = (field: string) => deviceFieldName(device, environment, field);
  const path = `devices.${index}`;
  const agentKnown = plan.agents.some((a) => a.id === device.agentId);
  const summary = deviceOptionsSummary(plan, device, environment, catalog);
  return (
    // No "selected" or hover shading: on it the cells' error text would lose its contrast; the
    // row's checkbox says whether it is selected.
    <TableRow aria-rowindex={rowIndex} data-device={device.id} ref={rowRef} data-index={dataIndex}>
      <TableCell padding="checkbox">
        <Checkbox
          checked={selected}
          onChange={(e) => onSelect(device.id, e.target.checked)}
          slotProps={{ input: { 'aria-label': `Select ${label}` } }}
        />
      </TableCell>
      <TableCell>
        <TextField
          id={`${device.id}-row-name`}
          data-field={`${path}.name`}
          size="small"
          fullWidth
          value={device.name}
          onChange={(e) => onChange(device.id, { name: e.target.value })}
          inputRef={
            focus
              ? (el: HTMLInputElement | null) => {
                  if (!el) return;
                  el.focus();
                  el.select();
                  onFocused();
                }
              : undefined
          }
          slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text, 'aria-label': name('Name') } }}
        />
      </TableCell>
      <TableCell>
        <Typography variant="body2">{environment?.name ?? device.environment}</Typography>
      </TableCell>
      <TableCell>
        {environment?.addressKind === 'tenant' ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {tenantText(device, plan.microsoftTenant)}
          </Typography>
        ) : (
          <AddressListField
            id={`${device.id}-row-addresses`}
            field={`${path}.addresses`}
            ariaLabel={name('Addresses')}
            compact
            addresses={device.addresses}
            allowCidr={environment?.allowsCidr ?? false}
            placeholderRole={roleName(
              catalog,
              environment?.endpointRole ?? '',
              environment?.name ?? '',
            )}
            onChange={(addresses) => onChange(device.id, { addresses })}
          />
        )}
      </TableCell>
      <TableCell>
        {environment?.agentMode === 'proxy' ? (
          <TextField
            id={`${device.id}-row-agent`}
            data-field={`${path}.agentId`}
            select
            size="small"
            fullWidth
            value={agentKnown ? device.agentId : ''}
            error={!agentKnown}
            helperText={agentKnown ? undefined : 'Choose one.'}
            onChange={(e) => onChange(device.id, { agentId: e.target.value })}
            slotProps={{
              select: { native: true },
              htmlInput: { 'aria-label': name('Agent server') },
            }}
          >
            {!agentKnown && <option value="">Choose…</option>}
            {plan.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {agentText(a)}
              </option>
            ))}
          </TextField>
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            On the device itself
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ color: summary === '' ? 'text.secondary' : undefined }}>
          {summary === '' ? 'None' : summary}
        </Typography>
      </TableCell>
      <TableCell padding="checkbox">
        <IconButton aria-label={`Remove ${label}`} onClick={() => onRemove(device.id)}>
          <DeleteOutlineIcon />
        </IconButton>
      </TableCell>
    </TableRow>
  );
});

/** The devices table with its selection actions and the "Add device" line. */
export function DevicesTable({
  plan,
  catalog,
  devices,
  groups,
  defaultType,
  full,
  focusId,
  focusPath = null,
  onFocused,
  onAdd,
  onChange,
  onAssign,
  onRemove,
}: DevicesTableProps) {
  const captionId = useId();
  // The device whose row holds the keyboard focus: kept rendered while the window scrolls.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [type, setType] = useState<EnvironmentId | null>(null);
  // Only the devices still shown count (one removed elsewhere drops out of the selection).
  const selected = devices.filter((d) => picked.has(d.id)).map((d) => d.id);
  const all = devices.length > 0 && selected.length === devices.length;
  const environments = new Map(catalog.environments.map((e) => [e.id, e]));
  const offered = groups.flatMap((g) => g.environments);
  const newType =
    (type !== null && offered.some((e) => e.id === type) ? type : null) ??
    (defaultType !== null && offered.some((e) => e.id === defaultType) ? defaultType : null) ??
    offered[0]?.id ??
    null;

  // Stable across renders (the rows are memoised): a device removed elsewhere is left out of
  // `selected` above, whatever `picked` still holds.
  const select = useCallback((id: string, on: boolean) => {
    setPicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const removeOne = useCallback((id: string) => onRemove([id]), [onRemove]);

  // Each device's index in the plan (its fields' paths), without a search per row.
  const planIndex = useMemo(() => new Map(plan.devices.map((d, i) => [d.id, i])), [plan.devices]);
  const windowed = devices.length > WINDOWED_PAST;
  const requested = /^devices\.(\d+)(?:\.|$)/.exec(focusPath ?? '');
  const requestedId = requested ? plan.devices[Number(requested[1])]?.id : undefined;
  const pinnedIds = [focusId, requestedId, focusedId];
  const pinned = windowed ? devices.flatMap((d, i) => (pinnedIds.includes(d.id) ? [i] : [])) : [];

  const renderRow = (i: number, windowedProps: WindowedRowProps | null) => {
    const device = devices[i]!;
    return (
      <Row
        key={device.id}
        device={device}
        index={planIndex.get(device.id) ?? -1}
        rowIndex={i + 2}
        rowRef={windowedProps?.ref}
        dataIndex={windowedProps?.['data-index']}
        environment={environments.get(device.environment)}
        plan={plan}
        catalog={catalog}
        selected={picked.has(device.id)}
        focus={device.id === focusId}
        onFocused={onFocused}
        onSelect={select}
        onChange={onChange}
        onRemove={removeOne}
      />
    );
  };

  return (
    <Stack spacing={1.5}>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        role="group"
        aria-label="Selected devices"
      >
        <Typography variant="body2" role="status" sx={{ minWidth: '9em' }}>
          {selected.length === 0
            ? 'No device selected.'
            : `${selected.length} of ${devices.length} selected.`}
        </Typography>
        <Button
          variant="outlined"
          size="small"
          disabled={selected.length === 0 || plan.agents.length === 0}
          aria-haspopup="menu"
          aria-expanded={menuAnchor !== null}
          onClick={(e) => setMenuAnchor(e.currentTarget)}
        >
          Assign to agent…
        </Button>
        <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
          {plan.agents.map((a) => (
            <MenuItem
              key={a.id}
              onClick={() => {
                setMenuAnchor(null);
                onAssign(selected, a.id);
                // Done with these: the next bulk action starts from an empty selection.
                setPicked(new Set());
              }}
            >
              {agentText(a)}
            </MenuItem>
          ))}
        </Menu>
        <Button
          variant="outlined"
          size="small"
          color="error"
          startIcon={<DeleteOutlineIcon />}
          disabled={selected.length === 0}
          onClick={() => {
            onRemove(selected);
            setPicked(new Set());
          }}
        >
          Remove selected
        </Button>
      </Stack>
      <Box
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        <Table
          size="small"
          aria-rowcount={devices.length + 1}
          sx={{
            minWidth: 960,
            '& td': { verticalAlign: 'top' },
            // Windowed: the columns keep the header's widths whichever rows are rendered, and
            // the browser lays out the rows without measuring every cell.
            tableLayout: windowed ? 'fixed' : undefined,
          }}
          onFocus={(e) => {
            const row = (e.target as Element).closest<HTMLElement>('tr[data-device]');
            const id = row?.dataset.device ?? null;
            if (id !== focusedId) setFocusedId(id);
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setFocusedId(null);
          }}
        >
          <caption id={captionId} style={{ captionSide: 'top', textAlign: 'left', padding: 8 }}>
            Your devices ({devices.length}): edit a cell, Tab to the next
          </caption>
          {windowed && (
            // Fixed layout takes the columns' widths from here, whichever rows are rendered.
            <colgroup>
              {['56px', '20%', '14%', '24%', '20%', 'auto', '56px'].map((width, i) => (
                <col key={i} style={{ width }} />
              ))}
            </colgroup>
          )}
          <TableHead>
            <TableRow aria-rowindex={1}>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={all}
                  indeterminate={selected.length > 0 && !all}
                  disabled={devices.length === 0}
                  onChange={(e) =>
                    setPicked(new Set(e.target.checked ? devices.map((d) => d.id) : []))
                  }
                  slotProps={{ input: { 'aria-label': 'Select all devices' } }}
                />
              </TableCell>
              <TableCell component="th" scope="col" sx={{ width: '20%' }}>
                Name
              </TableCell>
              <TableCell component="th" scope="col" sx={{ width: '14%' }}>
                Type
              </TableCell>
              <TableCell component="th" scope="col" sx={{ width: '24%' }}>
                Addresses
              </TableCell>
              <TableCell component="th" scope="col" sx={{ width: '20%' }}>
                Agent server
              </TableCell>
              <TableCell component="th" scope="col">
                Options
              </TableCell>
              <TableCell padding="checkbox">
                <Box component="span" sx={visuallyHidden}>
                  Remove
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          {windowed ? (
            <WindowedRows
              count={devices.length}
              rowKey={(i) => devices[i]?.id ?? String(i)}
              estimate={ROW_ESTIMATE}
              overscan={8}
              pinned={pinned}
              columns={COLUMNS}
              renderRow={renderRow}
            />
          ) : (
            <TableBody>{devices.map((_, i) => renderRow(i, null))}</TableBody>
          )}
        </Table>
      </Box>
      {newType !== null && (
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        >
          <TextField
            id="new-device-type"
            select
            size="small"
            label="Type of the new device"
            value={newType}
            onChange={(e) => setType(e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 240, maxWidth: '100%' }}
          >
            {groups.map((g) => (
              <optgroup key={g.group} label={g.label}>
                {g.environments.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </TextField>
          <Button
            variant="outlined"
            startIcon={<AddIcon />}
            disabled={full}
            onClick={() => onAdd(newType)}
          >
            Add device
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
