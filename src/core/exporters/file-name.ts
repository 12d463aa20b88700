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
