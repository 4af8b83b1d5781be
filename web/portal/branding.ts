import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { portalBlob } from "./portal-fetch";
import { usePreviewId } from "./preview";

// PORTAL-2: each firm's portal wears the firm's colour and logo. Firms pick any colour, so the text on
// it is chosen for contrast rather than trusted to be readable.

const fallbackColour = "#0f4c5c";

function channels(hex: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The firm's colour as a safe CSS colour, and the text colour (white or near-black) that reads on it. */
export function brandColours(primary: string | undefined): { background: string; text: string } {
  const rgb = channels(primary ?? "") ?? channels(fallbackColour);
  if (!rgb) return { background: fallbackColour, text: "#ffffff" };
  const background = `rgb(${rgb.join(" ")})`;
  const l = luminance(rgb);
  // WCAG contrast against white vs. against slate-900 (#0f172a, luminance ≈ 0.0086): take the larger.
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (0.0086 + 0.05);
  if (Math.max(onWhite, onDark) >= 4.5)
    return { background, text: onWhite >= onDark ? "#ffffff" : "#0f172a" };
  // Mid-tones (an orange, a bright green) reach 4.5:1 with neither white nor slate-900; black does
  // wherever white falls short (luminance above 0.18 gives at least 4.6:1), so any firm colour is AA.
  return { background, text: onWhite >= 4.5 ? "#ffffff" : "#000000" };
}

/**
 * Where to load the firm's logo from: its URL as it is, or in a preview a local copy fetched with the
 * preview header (an <img> cannot send it). Undefined while loading or without a logo.
 */
export function useLogoSrc(logoUrl: string | null | undefined): string | undefined {
  const previewId = usePreviewId();
  const blob = useQuery({
    queryKey: ["portal", previewId ?? "account", "logo", logoUrl],
    queryFn: () => portalBlob(logoUrl ?? ""),
    enabled: previewId !== null && Boolean(logoUrl),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const objectUrl = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : undefined), [blob.data]);
  useEffect(() => () => (objectUrl ? URL.revokeObjectURL(objectUrl) : undefined), [objectUrl]);
  if (!logoUrl) return undefined;
  return previewId ? objectUrl : logoUrl;
}
