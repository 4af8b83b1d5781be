import { z } from "zod";

/** One mail caught by the development SMTP sink. */
export const caughtMailSummarySchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
});
export const caughtMailSchema = caughtMailSummarySchema.extend({ html: z.string(), text: z.string() });
export type CaughtMailSummary = z.infer<typeof caughtMailSummarySchema>;
export type CaughtMail = z.infer<typeof caughtMailSchema>;
