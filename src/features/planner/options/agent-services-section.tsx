import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

import { AddressListField } from '@/components/address-list-field';
import { HostFields } from '@/components/host-fields';
import { PortField } from '@/components/port-field';
import { getCatalog } from '@/core/catalog/catalog';
import type { AgentServices } from '@/core/plan/model';
import { DEFAULT_SMTP_PORT, DEFAULT_SYSLOG_PORT } from '@/core/plan/model';
import { planHostRoleName } from '@/core/wizard/plan-host-roles';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';
import { FeatureSwitch } from '../topology/deployment-section';

type SyslogTransport = AgentServices['syslog']['transport'];

function isSyslogTransport(value: string): value is SyslogTransport {
  return value === 'UDP' || value === 'TCP' || value === 'TLS';
}

const nested = { pl: { xs: 0, sm: 2 } } as const;

/**
 * Options step: the servers the agents reach when their properties name them (agent properties:
 * DNS tab, AD Users tab, Inactivity Alerts tab). Each switch adds the connections it needs.
 */
export function AgentServicesSection() {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const setAgentServices = useAppStore((s) => s.setAgentServices);
  const { dns, domainControllers, smtp, syslog } = plan.agentServices;
  const role = (slot: Parameters<typeof planHostRoleName>[2], fallback: string) =>
    planHostRoleName(catalog, plan, slot, fallback);

  return (
    <StepSection
      title="Agent services"
      intro="Servers the agents reach when their properties name them. All are off until you switch them on; each one adds the connections it needs from every agent."
    >
      <Stack spacing={2}>
        <FeatureSwitch
          field="agentServices.dns.enabled"
          helpId="agent-dns-help"
          label="DNS servers for the agents (DNS tab)"
          checked={dns.enabled}
          onChange={(checked) => setAgentServices({ dns: { enabled: checked } })}
          help="Agent properties, DNS tab, “DNS servers (IPs)”: the agents send their look-ups there (UDP and TCP 53, ports inferred). Leave off when the agents use their host’s default DNS server."
        />
        {dns.enabled && (
          <Stack sx={nested}>
            <AddressListField
              id="agent-dns-addresses"
              field="agentServices.dns.addresses"
              label="DNS server addresses"
              addresses={dns.addresses}
              allowCidr={false}
              placeholderRole={role('dnsServers', 'DNS server')}
              owner="The DNS server list"
              onChange={(addresses) => setAgentServices({ dns: { addresses } })}
            />
          </Stack>
        )}

        <FeatureSwitch
          field="agentServices.domainControllers.enabled"
          helpId="agent-dc-help"
          label="Domain controllers for the agents (AD Users tab)"
          checked={domainControllers.enabled}
          onChange={(checked) => setAgentServices({ domainControllers: { enabled: checked } })}
          help="Agent properties, AD Users tab, “Domain Controllers (IPs and FQDNs)”: SID and user name look-ups, and UID to SID translation for NetApp, Dell and Nasuni hosts (LDAP TCP and UDP 389, ports inferred). Leave off when the agents use the default domain controller."
        />
        {domainControllers.enabled && (
          <Stack sx={nested}>
            <AddressListField
              id="agent-dc-addresses"
              field="agentServices.domainControllers.addresses"
              label="Domain controller addresses"
              addresses={domainControllers.addresses}
              allowCidr={false}
              placeholderRole={role('domainControllers', 'Domain controller')}
              owner="The domain controller list"
              onChange={(addresses) => setAgentServices({ domainControllers: { addresses } })}
            />
          </Stack>
        )}

        <FeatureSwitch
          field="agentServices.smtp.enabled"
          helpId="agent-smtp-help"
          label="Inactivity alerts by e-mail (SMTP)"
          checked={smtp.enabled}
          onChange={(checked) => setAgentServices({ smtp: { enabled: checked } })}
          help="Agent properties, Inactivity Alerts tab, Email Alerts: the agents send alerts through this SMTP server (SERVER:PORT, TLS optional)."
        />
        {smtp.enabled && (
          <Stack spacing={2} sx={nested}>
            <HostFields
              id="agent-smtp"
              fieldPrefix="agentServices.smtp"
              host={smtp}
              nameLabel="SMTP server name"
              addressLabel="SMTP server address"
              placeholderRole={role('smtp', 'SMTP server')}
              onChange={(patch) => setAgentServices({ smtp: patch })}
            />
            <PortField
              id="agent-smtp-port"
              field="agentServices.smtp.port"
              label="SMTP server port"
              value={smtp.port}
              hint={`Enter the port of your SMTP server. Activity Monitor has no default: ${DEFAULT_SMTP_PORT} is only a suggestion (587 or 465 are usual with TLS).`}
              required
              onChange={(port) => setAgentServices({ smtp: { port: port ?? '' } })}
            />
          </Stack>
        )}

        <FeatureSwitch
          field="agentServices.syslog.enabled"
          helpId="agent-syslog-help"
          label="Inactivity alerts by syslog"
          checked={syslog.enabled}
          onChange={(checked) => setAgentServices({ syslog: { enabled: checked } })}
          help="Agent properties, Inactivity Alerts tab, Syslog Alerts: the agents send alerts to this syslog server (SERVER[:PORT], over UDP, TCP or TLS)."
        />
        {syslog.enabled && (
          <Stack spacing={2} sx={nested}>
            <HostFields
              id="agent-syslog"
              fieldPrefix="agentServices.syslog"
              host={syslog}
              nameLabel="Syslog alert server name"
              addressLabel="Syslog alert server address"
              placeholderRole={role('alertSyslog', 'Syslog server')}
              onChange={(patch) => setAgentServices({ syslog: patch })}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                id="agent-syslog-transport"
                data-field="agentServices.syslog.transport"
                select
                label="Syslog alert transport"
                value={syslog.transport}
                helperText="TLS runs over TCP."
                onChange={(e) => {
                  if (isSyslogTransport(e.target.value)) {
                    setAgentServices({ syslog: { transport: e.target.value } });
                  }
                }}
                sx={{ minWidth: 200 }}
              >
                <MenuItem value="UDP">UDP</MenuItem>
                <MenuItem value="TCP">TCP</MenuItem>
                <MenuItem value="TLS">TLS</MenuItem>
              </TextField>
              <PortField
                id="agent-syslog-port"
                field="agentServices.syslog.port"
                label="Syslog alert port"
                value={syslog.port}
                hint={`Enter the port of your syslog server. Activity Monitor has no default: ${DEFAULT_SYSLOG_PORT} is only a suggestion (6514 is usual with TLS).`}
                required
                onChange={(port) => setAgentServices({ syslog: { port: port ?? '' } })}
              />
            </Stack>
          </Stack>
        )}
      </Stack>
    </StepSection>
  );
}
