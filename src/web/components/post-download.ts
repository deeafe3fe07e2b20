import { requestFile } from '../api.js';

/**
 * A file answered to a POST, saved by the browser (issue 24): the screens that filter by INSZ send it in
 * a body, never in a URL, so their files cannot be plain download links.
 */
export async function downloadPosted(path: string, body: unknown, fallbackName: string): Promise<void> {
  const { blob, name } = await requestFile(path, { method: 'POST', body }, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
