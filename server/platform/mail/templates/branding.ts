import type { MailBranding } from "../render.js";
import { palette, safeHexColor } from "./colors.js";

/** Branding after validation: every value is safe to put into markup and has a default. */
export interface ResolvedBranding {
  firmName: string;
  primaryColor: string;
  logoUrl: string | undefined;
  footerLines: string[];
}

/** Firm-entered branding reaches attributes (style, src), so anything unexpected falls back to a default. */
export function resolveBranding(branding: MailBranding): ResolvedBranding {
  return {
    firmName: branding.firmName.trim(),
    primaryColor: safeHexColor(branding.primaryColor) ?? palette.defaultPrimary,
    logoUrl: safeImageUrl(branding.logoUrl),
    // Unique lines: a repeated address line adds nothing, and the text then serves as the React key.
    footerLines: [...new Set((branding.footerLines ?? []).map((line) => line.trim()).filter(Boolean))],
  };
}

function safeImageUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
