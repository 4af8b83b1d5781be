/** The DocumentsTab of a client file (being built). */
export function DocumentsTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
