import { cn } from "./cn";

/** The Atrium mark: a stylised portico, firm-neutral. */
export function AtriumMark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className={cn("size-8 shrink-0", className)}
    >
      <rect width="32" height="32" rx="7" className="fill-brand-700" />
      <path d="M8 24 16 7l8 17h-3.6L16 14.2 11.6 24Z" className="fill-white" />
      <rect x="13" y="19" width="6" height="2.4" rx="1" className="fill-brand-200" />
    </svg>
  );
}

/** The mark with the word "Atrium", used where no firm branding applies. */
export function AtriumLogo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <AtriumMark />
      <span className="text-lg font-semibold tracking-tight text-slate-900">Atrium</span>
    </span>
  );
}
