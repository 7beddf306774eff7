/** Save a Blob as a file: an object URL, a temporary `<a download>`, then the URL revoked. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoke after the click has been handled (revoking synchronously can cancel the download).
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
