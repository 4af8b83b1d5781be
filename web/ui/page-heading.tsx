import { type ComponentProps, useRef } from "react";
import { cn } from "./cn";
import { useFocusOnMount } from "./use-focus-on-mount";

/** The page's one <h1>; it takes focus when the page replaced another under the user (see useFocusOnMount). */
export function PageHeading({ className, ...props }: Omit<ComponentProps<"h1">, "ref" | "tabIndex">) {
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(ref);
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className={cn("text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none", className)}
      {...props}
    />
  );
}
