import { SmtpSink, type SmtpSinkOptions } from "../../server/platform/mail/smtp-sink.js";

/** A started SMTP sink on a free local port and the URL to configure as SMTP_URL; stop it in afterAll. */
export async function startTestSmtpSink(
  opts: Omit<SmtpSinkOptions, "port" | "host"> = {},
): Promise<{ sink: SmtpSink; url: string }> {
  const sink = new SmtpSink({ ...opts, host: "127.0.0.1", port: 0 });
  const { port } = await sink.start();
  return { sink, url: `smtp://127.0.0.1:${port}` };
}
