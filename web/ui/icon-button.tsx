import { Button } from "./button";
import { cn } from "./cn";

/** A small square button showing only a stroked icon (one SVG path); `label` is its accessible name and tooltip. */
export function IconButton({
  label,
  onClick,
  path,
  className,
}: {
  label: string;
  onClick: () => void;
  path: string;
  className?: string;
}) {
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={onClick}
      aria-label={label}
      title={label}
      className={cn("w-9 px-0", className)}
    >
      <svg
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
        className="size-4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={path} />
      </svg>
    </Button>
  );
}
