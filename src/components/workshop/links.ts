/**
 * The workshop's links file, made and downloaded in the browser: nothing is sent anywhere.
 * Loaded when asked for, with the file code.
 */
import { workshopLinksFile, type Workshop } from '../../lib/workshop';
import { resultHref } from '../../stores/workshop';
import { downloadText, withExporter } from '../download';

/**
 * Downloads a workshop's pool as a links file (one result link a line) that the team view reads.
 * @returns what to tell people
 */
export function exportLinks(workshop: Workshop): Promise<string> {
  return withExporter((exporter, today) => {
    const name = exporter.safeFileName(workshop.name, `links-${today}.txt`);
    downloadText(name, 'text/plain', workshopLinksFile(workshop, resultHref()));
    return `Saved ${name} with ${workshop.links.length} ${workshop.links.length === 1 ? 'link' : 'links'}. Load it in the team view to see the results again.`;
  });
}
