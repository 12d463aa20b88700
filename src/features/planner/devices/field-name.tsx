/**
 * A device field's label: the field's visible name, after the device's name for assistive
 * technology only ("NetApp SVM1: Addresses"), so that every device's fields have names of their
 * own (a page of devices no longer has ten fields all called "Addresses").
 */
import Box from '@mui/material/Box';

import { visuallyHidden } from './visually-hidden';

export function FieldName({ device, field }: { device: string; field: string }) {
  // The space stays outside the hidden text: accessible names trim the text of each element.
  return (
    <>
      <Box component="span" sx={visuallyHidden}>
        {`${device}:`}
      </Box>{' '}
      {field}
    </>
  );
}
