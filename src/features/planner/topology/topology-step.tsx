import AddIcon from '@mui/icons-material/Add';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { HostFields } from '@/components/host-fields';
import { PortField } from '@/components/port-field';
import { getCatalog } from '@/core/catalog/catalog';
import type { AccessAnalyzerEdition } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import {
  agentServerRoleName,
  integrationsUnavailable,
  planHostRoleName,
} from '@/core/wizard/plan-host-roles';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';

import { AdditionalConsoles } from './additional-consoles';
import { AmVersionSelect } from './am-version-select';
import { CeeServers } from './cee-servers';
import { DeploymentSection } from './deployment-section';
import { PasteAgentsDialog } from './paste-agents-dialog';
import { ThreatPreventionIntegration } from './threat-prevention-integration';

/**
 * The two Access Analyzer editions, with a hint that tells them apart. Sources (netwrix/docs):
 * docs/accessanalyzer/2601/kb/migration/index.md ("Migrating to Access Analyzer 26": version
 * 12.0 and earlier, formerly StealthAUDIT, keeps its data in SQL Server; AA2601 uses ClickHouse
 * and PostgreSQL, a web UI and Linux-based scanners) and
 * docs/accessanalyzer/2601/install/system/requirements.md ("deployed on a single Linux virtual
 * machine", Ubuntu 24.04 LTS).
 */
const AA_EDITIONS: readonly { value: AccessAnalyzerEdition; label: string; hint: string }[] = [
  {
    value: 'classic',
    label: 'Access Analyzer (classic)',
    hint: 'Version 12.0 or earlier (formerly StealthAUDIT): a Windows console with a SQL Server database.',
  },
  {
    value: 'aa26',
    label: 'Access Analyzer 26',
    hint: 'Version 26 (AA2601): a web console on one Linux virtual machine (Ubuntu); needs Activity Monitor 10.0.',
  },
];

export function TopologyStep() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const setPlanName = useAppStore((s) => s.setPlanName);
  const setConsole = useAppStore((s) => s.setConsole);
  const addAgent = useAppStore((s) => s.addAgent);
  // The agent server just added with the button: its name field takes the focus.
  const [addedAgent, setAddedAgent] = useState<string | null>(null);
  const updateAgent = useAppStore((s) => s.updateAgent);
  const removeAgent = useAppStore((s) => s.removeAgent);
  const setIntegration = useAppStore((s) => s.setIntegration);
  const addAgents = useAppStore((s) => s.addAgents);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [pasted, setPasted] = useState<string | null>(null);

  const { accessAnalyzer, siem, threatManager } = plan.integrations;
  const agentRole = agentServerRoleName(catalog, 'Activity Agent Server');
  const unavailable = integrationsUnavailable(plan, catalog);

  return (
    <Stack spacing={3}>
      <StepSection
        title="Deployment"
        intro="Name the plan and choose the Activity Monitor version you run: the devices and rules follow it."
      >
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 2fr) minmax(0, 1fr)' },
          }}
        >
          <TextField
            id="plan-name"
            data-field="name"
            label="Plan name"
            value={plan.name}
            onChange={(e) => setPlanName(e.target.value)}
            slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text } }}
            helperText="Printed on every export."
            fullWidth
          />
          <AmVersionSelect />
        </Box>
      </StepSection>

      <StepSection
        title="Activity Monitor Console"
        intro="The server where the Activity Monitor Console is installed. Leave the address empty if you do not know it yet."
      >
        <HostFields
          id="console"
          fieldPrefix="console"
          host={plan.console}
          nameLabel="Console name"
          addressLabel="Console address"
          placeholderRole={planHostRoleName(catalog, plan, 'console', 'Activity Monitor Console')}
          onChange={setConsole}
        />
        <AdditionalConsoles />
      </StepSection>

      <StepSection
        title="Agent servers"
        intro="Windows servers that run an Activity Agent and monitor devices over the network (NAS, cloud services, SQL Server). Agents installed on monitored hosts themselves come with those devices."
      >
        <Stack spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {plan.agents.map((agent, index) => (
            <Stack
              key={agent.id}
              component="li"
              direction="row"
              spacing={1}
              sx={{ alignItems: 'flex-start' }}
            >
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <HostFields
                  id={agent.id}
                  fieldPrefix={`agents.${index}`}
                  host={agent}
                  nameLabel={`Agent server ${index + 1} name`}
                  addressLabel={`Agent server ${index + 1} address`}
                  placeholderRole={agentRole}
                  autoFocus={agent.id === addedAgent}
                  onChange={(patch) => updateAgent(agent.id, patch)}
                />
              </Box>
              <Tooltip
                title={
                  plan.agents.length > 1
                    ? `Remove ${agent.name}`
                    : 'A plan keeps at least one agent server'
                }
              >
                <span>
                  <IconButton
                    aria-label={`Remove ${agent.name || `agent server ${index + 1}`}`}
                    onClick={() => removeAgent(agent.id)}
                    disabled={plan.agents.length <= 1}
                    sx={{ mt: 1 }}
                  >
                    <DeleteOutlineIcon />
                  </IconButton>
                </span>
              </Tooltip>
            </Stack>
          ))}
        </Stack>
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Button
            startIcon={<AddIcon />}
            onClick={() => {
              addAgent();
              setAddedAgent(useAppStore.getState().plan.agents.at(-1)?.id ?? null);
            }}
            disabled={plan.agents.length >= PLAN_LIMITS.agents}
          >
            Add agent server
          </Button>
          <Button
            variant="outlined"
            startIcon={<ContentPasteIcon />}
            onClick={() => {
              setPasted(null);
              setPasteOpen(true);
            }}
            disabled={plan.agents.length >= PLAN_LIMITS.agents}
          >
            Paste agent servers from a spreadsheet
          </Button>
          {pasted !== null && (
            <Typography role="status" variant="body2">
              {pasted}
            </Typography>
          )}
        </Stack>
        {pasteOpen && (
          <PasteAgentsDialog
            open={pasteOpen}
            text={pasteText}
            onTextChange={setPasteText}
            onAdd={(agents, replace) => {
              const ids = addAgents(agents, replace ?? undefined);
              setPasteOpen(false);
              setPasteText('');
              setPasted(
                `Added ${ids.length} ${ids.length === 1 ? 'agent server' : 'agent servers'} from the spreadsheet.`,
              );
            }}
            onClose={() => setPasteOpen(false)}
          />
        )}
        {plan.agents.length > 1 && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Removing an agent server moves its devices to the first remaining one.
          </Typography>
        )}
      </StepSection>

      <StepSection title="Dell CEE servers">
        <CeeServers />
      </StepSection>

      <StepSection
        title="Integrations"
        intro="Products that read from or receive events from Activity Monitor. All are optional."
      >
        <Stack spacing={2}>
          <FormControlLabel
            data-field="integrations.accessAnalyzer.enabled"
            control={
              <Switch
                checked={accessAnalyzer.enabled}
                onChange={(e) => setIntegration('accessAnalyzer', { enabled: e.target.checked })}
              />
            }
            label="Netwrix Access Analyzer"
          />
          {accessAnalyzer.enabled && (
            <Stack spacing={2} sx={{ pl: { xs: 0, sm: 2 } }}>
              <FormControl data-field="integrations.accessAnalyzer.edition">
                <FormLabel id="aa-edition-label">Access Analyzer edition</FormLabel>
                <RadioGroup
                  aria-labelledby="aa-edition-label"
                  value={accessAnalyzer.edition}
                  onChange={(e) =>
                    setIntegration('accessAnalyzer', {
                      edition: e.target.value as AccessAnalyzerEdition,
                    })
                  }
                >
                  {AA_EDITIONS.map((edition) => (
                    <Box key={edition.value}>
                      <FormControlLabel
                        value={edition.value}
                        control={
                          <Radio
                            slotProps={{
                              input: { 'aria-describedby': `aa-edition-${edition.value}-hint` },
                            }}
                          />
                        }
                        label={edition.label}
                      />
                      <FormHelperText
                        id={`aa-edition-${edition.value}-hint`}
                        sx={{ mt: -0.5, mb: 0.5, ml: 4 }}
                      >
                        {edition.hint}
                      </FormHelperText>
                    </Box>
                  ))}
                </RadioGroup>
              </FormControl>
              {unavailable.map((environment) => (
                <Alert key={environment.id} severity="warning">
                  {environment.name} works with Activity Monitor {environment.versions.join(', ')};
                  this plan is for {plan.amVersion}. Its rules are left out.
                </Alert>
              ))}
              <HostFields
                id="host-accessAnalyzer"
                fieldPrefix="integrations.accessAnalyzer"
                host={accessAnalyzer}
                nameLabel="Access Analyzer server name"
                addressLabel="Access Analyzer server address"
                placeholderRole={planHostRoleName(
                  catalog,
                  plan,
                  'accessAnalyzer',
                  'Access Analyzer Console',
                )}
                onChange={(patch) => setIntegration('accessAnalyzer', patch)}
              />
              {accessAnalyzer.edition === 'classic' && (
                <FormControl data-field="integrations.accessAnalyzer.useApiServer">
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={accessAnalyzer.useApiServer}
                        onChange={(e) =>
                          setIntegration('accessAnalyzer', { useApiServer: e.target.checked })
                        }
                        slotProps={{ input: { 'aria-describedby': 'aa-api-help' } }}
                      />
                    }
                    label="Use the API server"
                  />
                  <FormHelperText id="aa-api-help" sx={{ mt: 0 }}>
                    Access Analyzer reads activity through the agents’ API server instead of file
                    shares.
                  </FormHelperText>
                </FormControl>
              )}
            </Stack>
          )}

          <FormControlLabel
            data-field="integrations.siem.enabled"
            control={
              <Switch
                checked={siem.enabled}
                onChange={(e) => setIntegration('siem', { enabled: e.target.checked })}
              />
            }
            label="Syslog / SIEM output"
          />
          {siem.enabled && (
            <Stack spacing={2} sx={{ pl: { xs: 0, sm: 2 } }}>
              <HostFields
                id="siem"
                fieldPrefix="integrations.siem"
                host={siem}
                nameLabel="SIEM server name"
                addressLabel="SIEM server address"
                placeholderRole={planHostRoleName(catalog, plan, 'siem', 'Syslog / SIEM server')}
                onChange={(patch) => setIntegration('siem', patch)}
              />
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  id="siem-transport"
                  data-field="integrations.siem.transport"
                  select
                  label="Transport"
                  value={siem.transport}
                  onChange={(e) =>
                    setIntegration('siem', { transport: e.target.value === 'TCP' ? 'TCP' : 'UDP' })
                  }
                  sx={{ minWidth: 160 }}
                >
                  <MenuItem value="UDP">UDP</MenuItem>
                  <MenuItem value="TCP">TCP</MenuItem>
                </TextField>
                <PortField
                  id="siem-port"
                  field="integrations.siem.port"
                  label="SIEM port"
                  value={siem.port}
                  hint="Syslog: 514 by default."
                  required
                  onChange={(port) => setIntegration('siem', { port: port ?? '' })}
                />
              </Stack>
            </Stack>
          )}

          <FormControlLabel
            data-field="integrations.threatManager.enabled"
            control={
              <Switch
                checked={threatManager.enabled}
                onChange={(e) => setIntegration('threatManager', { enabled: e.target.checked })}
              />
            }
            label="Netwrix Threat Manager"
          />
          {threatManager.enabled && (
            <Box sx={{ pl: { xs: 0, sm: 2 } }}>
              <HostFields
                id="host-threatManager"
                fieldPrefix="integrations.threatManager"
                host={threatManager}
                nameLabel="Threat Manager server name"
                addressLabel="Threat Manager server address"
                placeholderRole={planHostRoleName(
                  catalog,
                  plan,
                  'threatManager',
                  'Threat Manager server',
                )}
                onChange={(patch) => setIntegration('threatManager', patch)}
              />
            </Box>
          )}

          <ThreatPreventionIntegration />
        </Stack>
      </StepSection>

      <DeploymentSection />
    </Stack>
  );
}
