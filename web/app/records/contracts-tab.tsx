/** The ContractsTab of a client file (being built). */
export function ContractsTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
