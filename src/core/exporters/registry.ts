/**
 * The export formats, in button order. A new format is one module, one line here and one
 * golden test.
 */
import { aerleonExporter } from './aerleon-exporter';
import { asaExporter } from './asa-exporter';
import { connectivityCheckExporter } from './connectivity-check-exporter';
import { csvExporter } from './csv-exporter';
import type { Exporter } from './exporter';
import { firewalldExporter } from './firewalld-exporter';
import { fortiosExporter } from './fortios-exporter';
import { importCsvExporter } from './import-csv-exporter';
import { iptablesExporter } from './iptables-exporter';
import { markdownExporter } from './markdown-exporter';
import { nftablesExporter } from './nftables-exporter';
import { panosExporter } from './panos-exporter';
import { pdfExporter } from './pdf-exporter';
import { powershellExporter } from './powershell-exporter';
import { tsvExporter } from './tsv-exporter';
import { xlsxExporter } from './xlsx-exporter';

export const EXPORTERS: readonly Exporter[] = [
  importCsvExporter,
  xlsxExporter,
  csvExporter,
  markdownExporter,
  pdfExporter,
  powershellExporter,
  firewalldExporter,
  nftablesExporter,
  iptablesExporter,
  connectivityCheckExporter,
  tsvExporter,
  panosExporter,
  fortiosExporter,
  asaExporter,
  aerleonExporter,
];
