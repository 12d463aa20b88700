/**
 * Export file names: a slug of the plan name, ASCII only, never empty.
 */
export function planSlug(planName: string): string {
  const slug = planName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'plan';
}

/** e.g. "contoso-hq-firewall-rules.csv" */
export function exportFileName(planName: string, suffix: string): string {
  return `${planSlug(planName)}-${suffix}`;
}

/**
 * A per-host file of an export: the host's slug before the extension, e.g.
 * "contoso-hq-firewall-rules-agent-nyc.ps1" for the host "Agent NYC".
 */
export function hostFileName(fileName: string, hostLabel: string): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] =
    dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  return `${stem}-${planSlug(hostLabel)}${extension}`;
}
