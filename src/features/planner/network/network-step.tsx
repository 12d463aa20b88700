import Typography from '@mui/material/Typography';

/**
 * The optional Network step: the zones between the hosts and the firewalls that separate them
 * (plan.network, core/zones). Without zones the planner writes host firewall rules only.
 */
export function NetworkStep() {
  return (
    <Typography variant="body1">
      Optional. Describe the network zones between your hosts and the firewalls that separate them,
      and the planner says what each firewall must allow. Without zones, the planner only writes the
      rules of the hosts’ own firewalls.
    </Typography>
  );
}
