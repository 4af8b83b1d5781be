import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A white surface with a soft border that groups related content. */
export function Card({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6", className)}
      {...props}
    />
  );
}

/** A small label inside cards and lists, e.g. "Coming soon". */
export function Badge({ className, ...props }: ComponentProps<"span">) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-brand-100",
        className,
      )}
      {...props}
    />
  );
}
