/** The ClaimsTab of a client file (being built). */
export function ClaimsTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
