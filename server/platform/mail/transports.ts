import { createServerTransport, type MailTransport, type SmtpServerSettings } from "./transport.js";

/** A firm's own SMTP server as the delivery needs it (FIRM-3), with the version of its settings. */
export interface FirmMailServer {
  server: SmtpServerSettings;
  /** The address its mails are sent from (the firm's sender name is shown with it). */
  fromAddress: string;
  /** Changes whenever the settings change (their change time): a cached transport of an older one is rebuilt. */
  version: string;
}

/**
 * The transports of one process: the installation's, and one pooled transport per firm with its own
 * server, kept across jobs (a batch reuses the open connections) and rebuilt when the firm's settings
 * change. Closed together when the process stops.
 */
export class MailTransports {
  readonly #firms = new Map<string, { version: string; transport: MailTransport }>();
  #closed = false;

  constructor(
    readonly installation: MailTransport,
    private readonly create: (server: SmtpServerSettings) => MailTransport = (server) =>
      createServerTransport(server, { pooled: true }),
  ) {}

  /** The transport for a firm's mail: its own server's (cached per version), else the installation's. */
  forFirm(firmId: string, own: FirmMailServer | null): MailTransport {
    const cached = this.#firms.get(firmId);
    if (!own) {
      // The firm went back to the installation's server: its connections have no further use.
      if (cached) this.#drop(firmId, cached.transport);
      return this.installation;
    }
    if (cached?.version === own.version) return cached.transport;
    if (cached) this.#drop(firmId, cached.transport);
    if (this.#closed) throw new Error("The mail transports are closed");
    const transport = this.create(own.server);
    this.#firms.set(firmId, { version: own.version, transport });
    return transport;
  }

  /** How many firm transports are open (for tests of the cache). */
  get firmTransportCount(): number {
    return this.#firms.size;
  }

  /** Closes every transport (their pooled connections); later sends fail. */
  close(): void {
    this.#closed = true;
    for (const [firmId, { transport }] of this.#firms) this.#drop(firmId, transport);
    this.installation.close();
  }

  #drop(firmId: string, transport: MailTransport): void {
    this.#firms.delete(firmId);
    // A pooled transport finishes the messages it holds before its connections close.
    transport.close();
  }
}
