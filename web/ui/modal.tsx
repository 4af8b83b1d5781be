import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { cn } from "./cn";

/**
 * Opens and closes a native <dialog> as `open` says. The browser then traps focus, closes on Escape
 * and returns focus to the opener, which no hand-written overlay does as reliably.
 */
export function useNativeDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

// Each size is a whole look: the back office's short questions and forms, and the portal's larger type
// for phones.
const sizes = {
  /** A short question (delete?). */
  sm: {
    dialog: "w-[min(28rem,calc(100vw-2rem))] backdrop:bg-slate-900/50",
    body: "gap-5",
    title: "text-lg",
  },
  /** A small form or a confirmation in the staff administration. */
  md: {
    dialog: "w-[calc(100%-2rem)] max-w-lg border border-slate-200 backdrop:bg-slate-900/40",
    body: "gap-4",
    title: "text-lg",
  },
  /** A record form; scrolls inside when taller than the screen. */
  lg: {
    dialog:
      "max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] overflow-y-auto backdrop:bg-slate-900/50",
    body: "gap-5",
    title: "text-lg",
  },
  /** The client portal's: nearly the whole width of a phone, larger title. */
  portal: {
    dialog:
      "max-h-[calc(100dvh-1rem)] w-[min(40rem,calc(100vw-1rem))] overflow-y-auto backdrop:bg-slate-900/50",
    body: "gap-5",
    title: "text-xl",
  },
} as const;

/** Props of Modal. */
export interface ModalProps {
  open: boolean;
  title: string;
  /** Runs however the dialog closes (Escape, a button), so React's state stays in step. */
  onClose: () => void;
  children: ReactNode;
  size?: keyof typeof sizes;
}

/**
 * A modal dialog named by its title. The content is mounted only while open, so a form in it starts
 * fresh each time.
 */
export function Modal({ open, title, onClose, children, size = "md" }: ModalProps) {
  const ref = useNativeDialog(open);
  const titleId = useId();
  const look = sizes[size];
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={cn("m-auto rounded-xl bg-white p-0 shadow-xl", look.dialog)}
    >
      {open ? (
        <div className={cn("flex flex-col p-5 sm:p-6", look.body)}>
          <h2 id={titleId} className={cn("font-semibold text-slate-900", look.title)}>
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
