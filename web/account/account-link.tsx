import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../ui/button";

/**
 * The way to the account page (`/account`) from a shell's header. On phones it shows only a person
 * icon (its name stays readable to screen readers and as a tooltip), so it fits beside the language
 * switch and the sign-out button at 375 px; wider screens show the words too.
 */
export function AccountLink() {
  const { t } = useTranslation();
  const label = t("account.shellLink");
  return (
    <Button asChild variant="secondary" className="px-3 sm:px-4" data-testid="account-link">
      <Link to="/account" title={label}>
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          className="size-5 shrink-0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <circle cx="12" cy="8" r="4" />
          <path d="M4 20.5c1.5-3.8 4.6-5.5 8-5.5s6.5 1.7 8 5.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">{label}</span>
      </Link>
    </Button>
  );
}
