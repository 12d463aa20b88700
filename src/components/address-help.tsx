import { hostNameWarning } from '@/core/validate/host-name';
import { addressForm, validateAddress } from '@/core/validate/validate-address';

import { FieldWarning } from './field-message';

/** The message under a single-address field: an error, a warning or a hint. */
export function addressHelp(address: string, placeholderRole: string) {
  const text = address.trim();
  if (text === '') {
    return {
      error: false,
      helperText: (
        <FieldWarning>
          No address yet: the rules will show “{placeholderRole}” instead.
        </FieldWarning>
      ),
    };
  }
  const error = validateAddress(text);
  if (error) return { error: true, helperText: error };
  const warning = addressForm(text) === 'host' ? hostNameWarning(text) : null;
  return {
    error: false,
    helperText: warning ? (
      <FieldWarning>{warning}</FieldWarning>
    ) : (
      'Host name, IPv4 or IPv6 address.'
    ),
  };
}
