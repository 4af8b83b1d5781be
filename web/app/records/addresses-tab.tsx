/** The AddressesTab of a client file (being built). */
export function AddressesTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
