import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect } from 'react';
import { Link as RouterLink } from 'react-router';

import { paths } from '@/config/paths';
import { pageTitle, setDocumentTitle } from '@/lib/document-title';

export function NotFound() {
  useEffect(() => setDocumentTitle(pageTitle('Page not found')), []);
  return (
    <Stack spacing={2} sx={{ maxWidth: 720, mx: 'auto' }}>
      <Alert severity="warning">This page does not exist. Your plan is safe.</Alert>
      <Button
        variant="contained"
        component={RouterLink}
        to={paths.home}
        sx={{ alignSelf: 'start' }}
      >
        Go to the home page
      </Button>
    </Stack>
  );
}
