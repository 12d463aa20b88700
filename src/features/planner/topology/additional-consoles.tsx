import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

import { HostFields } from '@/components/host-fields';
import { getCatalog } from '@/core/catalog/catalog';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { planHostRoleName } from '@/core/wizard/plan-host-roles';
import { useAppStore } from '@/state/store';

/**
 * Topology step, console section: more Console instances (plan.additionalConsoles). Each one
 * manages the agents like the first, so it gets the console's rules.
 */
export function AdditionalConsoles() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const addConsole = useAppStore((s) => s.addConsole);
  const updateConsole = useAppStore((s) => s.updateConsole);
  const removeConsole = useAppStore((s) => s.removeConsole);
  const consoles = plan.additionalConsoles;
  const placeholder = planHostRoleName(catalog, plan, 'console', 'Activity Monitor Console');
  const full = consoles.length >= PLAN_LIMITS.additionalConsoles;

  return (
    <Stack spacing={2} data-field="additionalConsoles" sx={{ alignItems: 'stretch' }}>
      <Typography variant="subtitle2" component="h4" id="additional-consoles-title">
        Additional consoles
      </Typography>
      <Typography variant="body2" id="additional-consoles-help" sx={{ color: 'text.secondary' }}>
        If more Console instances manage the same agents, add each one: every console gets the
        console’s connections to the agents (agent port, and push install when it is on).
      </Typography>
      {consoles.length > 0 && (
        <Stack
          spacing={2}
          component="ul"
          aria-labelledby="additional-consoles-title"
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {consoles.map((entry, index) => {
            const n = index + 2;
            return (
              <Stack
                // Consoles have no id: their place in the list is their identity.
                key={index}
                component="li"
                direction="row"
                spacing={1}
                sx={{ alignItems: 'flex-start' }}
              >
                <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                  <HostFields
                    id={`console-${n}`}
                    fieldPrefix={`additionalConsoles.${index}`}
                    host={entry}
                    nameLabel={`Console ${n} name`}
                    addressLabel={`Console ${n} address`}
                    placeholderRole={placeholder}
                    onChange={(patch) => updateConsole(index, patch)}
                  />
                </Box>
                <IconButton
                  aria-label={`Remove console ${n}${entry.name.trim() ? ` (${entry.name.trim()})` : ''}`}
                  onClick={() => removeConsole(index)}
                  sx={{ mt: 1 }}
                >
                  <DeleteOutlineIcon />
                </IconButton>
              </Stack>
            );
          })}
        </Stack>
      )}
      <Button
        startIcon={<AddIcon />}
        onClick={addConsole}
        disabled={full}
        aria-describedby="additional-consoles-help"
        sx={{ alignSelf: 'flex-start' }}
      >
        Add console
      </Button>
      {full && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          A plan holds at most {PLAN_LIMITS.additionalConsoles} additional consoles.
        </Typography>
      )}
    </Stack>
  );
}
