/** Colours of the email layout; fixed values are chosen to pass WCAG AA on white. */
export const palette = {
  page: "#f3f4f6",
  surface: "#ffffff",
  text: "#1f2937",
  muted: "#4b5563",
  rule: "#e5e7eb",
  defaultPrimary: "#1d4ed8",
  dark: "#111827",
  light: "#ffffff",
} as const;

const hexColor = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A firm's colour goes into a style attribute, so only plain hex colours are accepted. */
export function safeHexColor(value: string | undefined): string | undefined {
  return value !== undefined && hexColor.test(value.trim()) ? value.trim().toLowerCase() : undefined;
}

/** WCAG contrast ratio of two hex colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The text colour (white or near-black) that reads best on the given background. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, palette.light) >= contrastRatio(background, palette.dark)
    ? palette.light
    : palette.dark;
}

/** The firm's colour for links on white if it is readable there (AA, 4.5:1), else the default. */
export function linkColor(primary: string): string {
  return contrastRatio(primary, palette.surface) >= 4.5 ? primary : palette.defaultPrimary;
}

function luminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const channel = (offset: number) => {
    const c = Number.parseInt(full.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}
