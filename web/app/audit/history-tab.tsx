/** The HistoryTab of a client file (being built). */
export function HistoryTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
