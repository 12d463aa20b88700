import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';

import { FieldWarning } from '@/components/field-message';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { validateHostName } from '@/core/validate/host-name';

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The example every tenant field gives. */
export const TENANT_HINT = 'For example contoso or contoso.onmicrosoft.com.';

/** The helper text of a tenant field: the hint, or what is wrong (validated like the plan checks). */
function tenantHelp(tenant: string, emptyText: string) {
  const text = tenant.trim();
  if (text === '') {
    return { error: false, helperText: <FieldWarning>{emptyText}</FieldWarning> };
  }
  if (TENANT_ID.test(text)) return { error: false, helperText: 'Tenant ID.' };
  const error = validateHostName(text);
  return error
    ? { error: true, helperText: `${error} ${TENANT_HINT}` }
    : { error: false, helperText: TENANT_HINT };
}

export interface TenantFieldProps {
  id: string;
  /** Plan path of the field, for "Go to field" (e.g. "microsoftTenant", "devices.2.tenant"). */
  field: string;
  label: ReactNode;
  value: string;
  /** The warning while the field is empty. */
  emptyText: string;
  onChange: (value: string) => void;
}

/** A Microsoft tenant (name, initial domain or tenant ID), with its message next to it. */
export function TenantField({ id, field, label, value, emptyText, onChange }: TenantFieldProps) {
  const help = tenantHelp(value, emptyText);
  return (
    <TextField
      id={id}
      data-field={field}
      label={label}
      value={value}
      error={help.error}
      helperText={help.helperText}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{
        htmlInput: { maxLength: PLAN_LIMITS.address, spellCheck: false, autoCapitalize: 'none' },
      }}
      fullWidth
    />
  );
}
