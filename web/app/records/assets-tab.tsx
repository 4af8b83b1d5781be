/** The AssetsTab of a client file (being built). */
export function AssetsTab({ clientFileId }: { clientFileId: string }) {
  return <p data-client-file={clientFileId}>…</p>;
}
