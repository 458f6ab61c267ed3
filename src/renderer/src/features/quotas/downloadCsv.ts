/**
 * Saves text as a file through the browser's own download (a Blob URL and `<a download>`): no file
 * path crosses to main, and it works the same in Electron and the harness.
 */
export function downloadCsv(fileName: string, csv: string): void {
  // A BOM so spreadsheet programs read UTF-8 (accented names) correctly.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // let the download start before the URL goes away
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
