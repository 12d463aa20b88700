import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import LinkIcon from '@mui/icons-material/Link';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';

import { PERMALINK_LIMITS } from '@/core/permalink/codec';
import { copyText } from '@/lib/clipboard';
import { permalinkUrl } from '@/lib/location';
import { permalinkPayloadOf } from '@/state/review-derived';
import { useAppStore } from '@/state/store';

type CopyState = 'idle' | 'copied' | 'failed';

const count = (n: number) => n.toLocaleString('en-US');

/** The plan in progress as a permalink; re-encoded when the plan changes. */
function usePermalink() {
  const plan = useAppStore((s) => s.plan);
  return useMemo(() => {
    const payload = permalinkPayloadOf(plan);
    return { payload, url: permalinkUrl(payload) };
  }, [plan]);
}

/**
 * "Share": the permalink of the plan in a read-only field, "Copy permalink", and a warning when
 * the link is too long for chat and ticket tools (reliability guide URL-2).
 */
export function SharePanel() {
  const { payload, url } = usePermalink();
  const [copy, setCopy] = useState<{ state: CopyState; url: string }>({ state: 'idle', url });
  const helpId = useId();
  // A copy message is about the link that was copied; a changed plan means a new link.
  const copyState = copy.url === url ? copy.state : 'idle';

  if (payload.length > PERMALINK_LIMITS.payloadChars) {
    return (
      <Alert severity="error">
        This plan is too large to share as a link: its link would be {count(url.length)} characters,
        and the planner opens links of up to {count(PERMALINK_LIMITS.payloadChars)} characters.
        Share the plan as a file instead: use “Save plan” and send the file.
      </Alert>
    );
  }

  const tooLong = url.length > PERMALINK_LIMITS.safeLinkChars;
  const onCopy = async () => {
    const ok = await copyText(url);
    setCopy({ state: ok ? 'copied' : 'failed', url });
  };

  return (
    <Stack spacing={1.5} sx={{ maxWidth: 880 }}>
      <Typography id={helpId} variant="body2" sx={{ color: 'text.secondary' }}>
        Anyone with this link sees the same plan and the same rule sheet. The plan travels in the
        part after “#”, which browsers never send to a server, so host names and addresses stay out
        of server logs. The link holds the plan as it is now: after a change, copy it again.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          label="Permalink"
          value={url}
          size="small"
          sx={{ flex: '1 1 320px', minWidth: 0 }}
          onFocus={(e) => e.target.select()}
          helperText={`${count(url.length)} characters`}
          slotProps={{
            htmlInput: {
              readOnly: true,
              spellCheck: false,
              'aria-describedby': helpId,
              'data-testid': 'permalink-field',
            },
          }}
        />
        <Button variant="contained" startIcon={<ContentCopyIcon />} onClick={() => void onCopy()}>
          Copy permalink
        </Button>
      </Box>
      <Box role="status" aria-live="polite">
        {copyState === 'copied' && (
          <Alert severity="success">
            Permalink copied. Paste it into a ticket, chat or e-mail.
          </Alert>
        )}
        {copyState === 'failed' && (
          <Alert severity="warning">
            The browser did not allow copying. Select the link in the field and copy it with Ctrl+C
            (⌘C on a Mac).
          </Alert>
        )}
      </Box>
      {tooLong && (
        <Alert severity="warning">
          This link is {count(url.length)} characters long. Chat and ticket tools (Teams, Outlook,
          Slack, ServiceNow) may cut links longer than {count(PERMALINK_LIMITS.safeLinkChars)}{' '}
          characters, and a cut link does not open. To share this plan safely, use “Save plan” and
          send the plan file instead.
        </Alert>
      )}
    </Stack>
  );
}

/**
 * "Share" for the planner's toolbar: opens the same panel in a dialog.
 * (Place it next to the plan file buttons.)
 */
export function SharePlanButton() {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <>
      <Button variant="outlined" startIcon={<LinkIcon />} onClick={() => setOpen(true)}>
        Share
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
        maxWidth="md"
        fullWidth
      >
        <DialogTitle id={titleId}>Share this plan as a link</DialogTitle>
        <DialogContent>
          <Box sx={{ pt: 1 }}>
            <SharePanel />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
