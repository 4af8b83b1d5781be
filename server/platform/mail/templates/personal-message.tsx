import { Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import type { ResolvedBranding } from "./branding.js";
import { palette } from "./colors.js";
import { paragraph } from "./layout.js";

/** Props of the block that shows a staff member's own words. */
export interface PersonalMessageProps {
  /** The line that says whose words follow, e.g. "Jana Keller schreibt Ihnen:". */
  intro: string;
  /** The words as typed; null, empty or blank shows nothing. */
  message: string | null;
  branding: ResolvedBranding;
}

const styles = {
  block: { margin: "0 0 24px" },
  intro: { ...paragraph, margin: "0 0 8px" },
  quote: { backgroundColor: palette.page, borderRadius: "4px", padding: "12px 16px" },
  line: { ...paragraph, margin: "0 0 8px" },
} satisfies Record<string, CSSProperties>;

/** Each typed line as its own paragraph (blank lines dropped), keyed by its text and how often it came before. */
export function messageLines(message: string | null): { key: string; text: string }[] {
  const seen = new Map<string, number>();
  return (message ?? "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => {
      const count = seen.get(text) ?? 0;
      seen.set(text, count + 1);
      return { key: `${count}:${text}`, text };
    });
}

/**
 * The inviter's own words, set apart from the firm's text: an intro naming the writer, then the
 * message in a tinted block with a bar in the firm's colour. React escapes the text, so markup typed
 * by staff shows as typed and never becomes HTML.
 */
export function PersonalMessage({ intro, message, branding }: PersonalMessageProps) {
  const lines = messageLines(message);
  if (lines.length === 0) return null;
  return (
    <Section style={styles.block}>
      <Text style={styles.intro}>{intro}</Text>
      <Section style={{ ...styles.quote, borderLeft: `4px solid ${branding.primaryColor}` }}>
        {lines.map((line) => (
          <Text key={line.key} style={styles.line}>
            {line.text}
          </Text>
        ))}
      </Section>
    </Section>
  );
}
