import { Button } from "./button";
import { cn } from "./cn";
import { LineIcon } from "./line-icon";

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
      <LineIcon className="size-4.5">
        <path d={path} />
      </LineIcon>
    </Button>
  );
}
