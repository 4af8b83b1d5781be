import type { MailBranding } from "../../platform/mail/render.js";

/** What a firm's mails show of it: name, colour, contact, and its sender identity (FIRM-1, FIRM-3). */
export interface FirmMailFacts {
  name: string;
  primaryColor: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  senderName?: string | null;
  replyTo?: string | null;
}

/** The firm's name, colour and contact lines in every mail it sends (FIRM-1). */
export function firmBranding(firm: FirmMailFacts): MailBranding {
  const place = [firm.postalCode, firm.city].filter(Boolean).join(" ");
  return {
    firmName: firm.name,
    primaryColor: firm.primaryColor,
    footerLines: [firm.street, place, firm.phone, firm.email].filter((l): l is string => Boolean(l)),
  };
}

/** Who the firm's mails are from and where answers go (FIRM-3): its sender name and reply-to, else its name and email. */
export function firmSender(firm: FirmMailFacts): { name: string; replyTo: string | null } {
  return { name: firm.senderName ?? firm.name, replyTo: firm.replyTo ?? firm.email ?? null };
}
