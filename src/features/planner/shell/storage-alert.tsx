import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

import { useAppStore } from '@/state/store';

/** Shows a storage problem (unreadable saved plan, failed save) until the user closes it. */
export function StorageAlert() {
  const message = useAppStore((s) => s.storageError);
  const setStorageError = useAppStore((s) => s.setStorageError);
  if (!message) return null;
  return (
    <Alert severity="warning" onClose={() => setStorageError(null)} role="alert">
      <AlertTitle>Browser storage</AlertTitle>
      {message}
    </Alert>
  );
}
