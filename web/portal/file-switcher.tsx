import { useNavigate, useParams } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalFirm } from "../../contracts/portal";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { controlClass } from "../ui/field";

/**
 * The file switcher (PORTAL-2): every file the viewer reaches, grouped by firm. Choosing opens on
 * "Open", not on every arrow key, so a keyboard user can look through the list first.
 */
export function FileSwitcher({ firms }: { firms: PortalFirm[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const { firmId, fileId } = useParams({ strict: false });
  const current = firmId && fileId ? `${firmId}/${fileId}` : "";
  const [choice, setChoice] = useState(current);
  const [prevCurrent, setPrevCurrent] = useState(current);
  // Follow navigation done elsewhere (a link, the back button).
  if (current !== prevCurrent) {
    setPrevCurrent(current);
    setChoice(current);
  }

  const open = (event: FormEvent) => {
    event.preventDefault();
    const [nextFirm, nextFile] = choice.split("/");
    if (!nextFirm || !nextFile || choice === current) return;
    void navigate({ to: "/portal/$firmId/$fileId", params: { firmId: nextFirm, fileId: nextFile } });
  };

  return (
    <form onSubmit={open} className="flex flex-col gap-1.5 sm:max-w-xl">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("portal.switcher.label")}
      </label>
      <div className="flex gap-2">
        <select
          id={id}
          data-testid="file-switcher"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          className={cn(controlClass, "min-w-0 flex-1 pr-8 sm:text-base")}
        >
          {current === "" ? <option value="">{t("portal.switcher.choose")}</option> : null}
          {firms.map((firm) =>
            firms.length > 1 ? (
              <optgroup key={firm.id} label={firm.name}>
                <FileOptions firm={firm} />
              </optgroup>
            ) : (
              <FileOptions key={firm.id} firm={firm} />
            ),
          )}
        </select>
        <Button type="submit" variant="secondary" disabled={choice === "" || choice === current}>
          {t("portal.switcher.open")}
        </Button>
      </div>
    </form>
  );
}

function FileOptions({ firm }: { firm: PortalFirm }) {
  return (
    <>
      {firm.files.map((file) => (
        <option key={file.id} value={`${firm.id}/${file.id}`}>
          {file.displayName}
        </option>
      ))}
    </>
  );
}
