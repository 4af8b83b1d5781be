import { type RefObject, useEffect } from "react";

/**
 * Moves focus to `ref` when the page swapped under the user (sign-in, sign-out) and focus fell back to
 * <body>, so keyboard and screen-reader users continue at the new page's heading, not at the top.
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) {
      ref.current?.focus({ preventScroll: true });
    }
  }, [ref]);
}
