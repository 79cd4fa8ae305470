/**
 * Saves a Blob as a file through a temporary object URL and a download link:
 * nothing is uploaded, the browser writes the file to disk. Shared by the GDPR
 * letter (.txt) and the avatar maker (.svg, .png).
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
