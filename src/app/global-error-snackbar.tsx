import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useState } from 'react';

import { onUncaughtError } from '@/lib/window-events';

function messageOf(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'unknown error';
}

/**
 * Errors outside rendering (event handlers, promises) do not reach an error boundary: show them
 * in a snackbar instead of failing silently. The plan is untouched.
 */
export function GlobalErrorSnackbar() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => onUncaughtError((error) => setMessage(messageOf(error))), []);
  return (
    <Snackbar
      open={message !== null}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') setMessage(null);
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity="error" variant="filled" onClose={() => setMessage(null)}>
        Something went wrong: {message}. Your plan is kept.
      </Alert>
    </Snackbar>
  );
}
