/** The DonationsTab of a client file (being built). */
export function DonationsTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
