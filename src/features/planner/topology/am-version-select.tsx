import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { getCatalog } from '@/core/catalog/catalog';
import type { AmVersion, Environment } from '@/core/catalog/model';
import { AM_VERSIONS } from '@/core/catalog/model';
import { quoteInput } from '@/core/validate/quote';
import type { VersionSwitchLosses } from '@/core/wizard/version-switch';
import {
  hasLosses,
  switchVersionRemoving,
  versionSwitchLosses,
} from '@/core/wizard/version-switch';
import { useAppStore } from '@/state/store';

function isAmVersion(value: string): value is AmVersion {
  return (AM_VERSIONS as readonly string[]).includes(value);
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The names of what the switch would remove: environments of the devices, then integrations. */
function lostNames(losses: VersionSwitchLosses, environments: readonly Environment[]): string[] {
  const names = losses.devices.map(
    (d) => environments.find((e) => e.id === d.environment)?.name ?? d.environment,
  );
  return [...new Set([...names, ...losses.integrations.map((e) => e.name)])];
}

interface Pending {
  from: AmVersion;
  target: AmVersion;
  losses: VersionSwitchLosses;
}

/**
 * The plan's Activity Monitor version. Switching to a version that lacks devices or integrations
 * the plan holds asks first: Remove takes them out and switches in one change; Keep cancels the
 * switch (nothing is hidden silently).
 */
export function AmVersionSelect() {
  const catalog = getCatalog();
  const amVersion = useAppStore((s) => s.plan.amVersion);
  const setAmVersion = useAppStore((s) => s.setAmVersion);
  const setPlan = useAppStore((s) => s.setPlan);
  // The last question asked: kept while the dialog fades out, so its text does not change.
  const [pending, setPending] = useState<Pending | null>(null);
  const [open, setOpen] = useState(false);

  const choose = (target: AmVersion) => {
    if (target === amVersion) return;
    const losses = versionSwitchLosses(useAppStore.getState().plan, catalog, target);
    if (!hasLosses(losses)) {
      setAmVersion(target);
      return;
    }
    setPending({ from: amVersion, target, losses });
    setOpen(true);
  };

  const remove = () => {
    if (!pending) return;
    setPlan(switchVersionRemoving(useAppStore.getState().plan, catalog, pending.target));
    setOpen(false);
  };

  const names = pending ? lostNames(pending.losses, catalog.environments) : [];
  const count = pending ? pending.losses.devices.length + pending.losses.integrations.length : 0;

  return (
    <>
      <TextField
        id="am-version"
        data-field="amVersion"
        select
        label="Activity Monitor version"
        value={amVersion}
        onChange={(e) => {
          if (isAmVersion(e.target.value)) choose(e.target.value);
        }}
        fullWidth
      >
        {AM_VERSIONS.map((v) => (
          <MenuItem key={v} value={v}>
            {v}
          </MenuItem>
        ))}
      </TextField>
      <ConfirmDialog
        open={open}
        title={`Switch to Activity Monitor ${pending?.target ?? ''}?`}
        confirmLabel={`Remove and switch to ${pending?.target ?? ''}`}
        cancelLabel={`Keep ${pending?.from ?? amVersion}`}
        destructive
        onConfirm={remove}
        onCancel={() => setOpen(false)}
      >
        {pending && (
          <>
            <Typography component="p" sx={{ mb: 1 }}>
              {listText(names)} {names.length === 1 ? 'is' : 'are'} not available in{' '}
              {pending.target}. Remove {count === 1 ? 'it' : 'them'}, or keep {pending.from}?
            </Typography>
            <Typography component="ul" variant="body2" sx={{ m: 0, pl: 3 }}>
              {pending.losses.devices.map((d) => (
                <li key={d.id}>
                  Device {quoteInput(d.name)} (
                  {catalog.environments.find((e) => e.id === d.environment)?.name ?? d.environment})
                </li>
              ))}
              {pending.losses.integrations.map((e) => (
                <li key={e.id}>Integration {e.name} (switched off)</li>
              ))}
            </Typography>
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
