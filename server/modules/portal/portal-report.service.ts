import type { Language } from "../../../contracts/common.js";
import type { MoneyTotal } from "../../../contracts/records.js";
import { translate } from "../../platform/i18n/translate.js";
import { assertMayDownloadReport } from "../access/account-data.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { findFirm } from "../firms/firms.queries.js";
import {
  listPortalAssets,
  listPortalClaims,
  listPortalContracts,
  listPortalPersons,
} from "./portal-lists.service.js";
import { portalOverview } from "./portal-overview.service.js";

// A file's PDF overview (reports): what the viewer sees in the portal, drawn from the same services
// the portal's pages read — persons, current cover and contracts, assets with totals, claims — so the
// PDF can never show more than the portal does.

const locales: Record<Language, string> = { de: "de-DE", fr: "fr-FR", en: "en-GB" };

function formatters(language: Language) {
  const locale = locales[language];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return {
    date: (iso: string | null) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ""),
    money: (value: string | null, currency: string) => {
      if (value === null) return "";
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(value));
      } catch {
        return `${value} ${currency}`;
      }
    },
  };
}

/** The report of one file as bytes, with its download name; 404 for an unseen file, 403 for a role without reports. */
export async function buildPortalReport(
  work: PortalWork,
  fileId: string,
  language: Language,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const access = await requirePortalFile(work, fileId);
  assertMayDownloadReport(access);
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const f = formatters(language);
  const overview = await portalOverview(work, fileId);
  const persons = overview.shared.persons ? (await listPortalPersons(work, fileId)).persons : [];
  const contracts = overview.shared.contracts ? (await listPortalContracts(work, fileId)).contracts : [];
  const assets = overview.shared.assets ? await listPortalAssets(work, fileId) : null;
  const claims = overview.shared.claims ? (await listPortalClaims(work, fileId)).claims : [];
  const firm = await findFirm(work.tx, work.firmId);
  const today = work.now.toISOString().slice(0, 10);
  const totals = (list: readonly MoneyTotal[]) => list.map((m) => f.money(m.value, m.currency)).join(" · ");

  // pdf-lib is loaded on the first report, not at start: most processes never draw one (PERF-6).
  const { ReportWriter } = await import("./portal-report.pdf.js");
  const writer = await ReportWriter.start(
    { firmName: firm?.name ?? "", color: firm?.primaryColor ?? null },
    t("report.title"),
    work.now,
  );
  writer.heading(t("report.title"), 1);
  writer.paragraph(`${overview.file.displayName} · ${t("report.file", { number: overview.file.number })}`, {
    size: 12,
  });
  writer.paragraph(t("report.prepared_for", { name: work.viewerName, date: f.date(today) }), { muted: true });
  if (overview.caseHandler) writer.paragraph(t("report.case_handler", { name: overview.caseHandler.name }));

  if (overview.shared.persons) {
    writer.heading(t("report.persons"));
    writer.table(
      [
        { label: t("report.col.name"), width: 3 },
        { label: t("report.col.role"), width: 2 },
        { label: t("report.col.birth_date"), width: 2 },
      ],
      persons.map((p) => [`${p.firstName} ${p.lastName}`, t(`report.role.${p.role}`), f.date(p.birthDate)]),
      t("report.none"),
    );
  }

  if (overview.view === "private" && overview.cover.length > 0) {
    writer.heading(t("report.cover"));
    writer.table(
      [
        { label: t("report.col.label"), width: 4 },
        { label: t("report.contracts"), width: 2 },
        { label: `${t("report.col.premium")} (${t("report.per_year")})`, width: 3, align: "right" },
      ],
      overview.cover.map((c) => [
        c.label,
        t("report.cover_contracts", { count: c.contracts }),
        totals(c.annualPremiums),
      ]),
      t("report.none"),
    );
  }

  if (overview.shared.contracts) {
    writer.heading(t("report.contracts"));
    writer.table(
      [
        { label: t("report.col.insurer"), width: 3 },
        { label: t("report.col.product"), width: 4 },
        { label: t("report.col.number"), width: 2 },
        { label: t("report.col.status"), width: 2 },
        { label: t("report.col.premium"), width: 3, align: "right" },
      ],
      contracts.map((c) => [
        c.insurer,
        [c.productName, c.risk, c.lineOfBusiness?.name].filter(Boolean).join(" · "),
        c.number ?? "",
        t(`report.status.${c.status}`),
        c.premium === null
          ? ""
          : `${f.money(c.premium, c.currency)}${c.premiumFrequency ? ` ${t(`report.freq.${c.premiumFrequency}`)}` : ""}`,
      ]),
      t("report.none"),
    );
  }

  if (assets) {
    writer.heading(t("report.assets"));
    writer.table(
      [
        { label: t("report.col.description"), width: 5 },
        { label: t("report.col.kind"), width: 3 },
        { label: t("report.col.value"), width: 3, align: "right" },
      ],
      [
        ...assets.assets.map((a) => [
          a.description,
          t(`report.asset.${a.kind}`),
          f.money(a.value, a.currency),
        ]),
        ...(assets.assets.length > 0 ? [[t("report.asset_totals"), "", totals(assets.totals)]] : []),
      ],
      t("report.none"),
    );
  }

  if (overview.shared.claims) {
    writer.heading(t("report.claims"));
    writer.table(
      [
        { label: t("report.col.date"), width: 2 },
        { label: t("report.col.description"), width: 5 },
        { label: t("report.col.status"), width: 2 },
        { label: t("report.col.amount"), width: 2, align: "right" },
      ],
      claims.map((c) => [
        f.date(c.claimDate),
        c.description,
        t(`report.claim.${c.status}`),
        f.money(c.amount, c.currency),
      ]),
      t("report.none"),
    );
  }

  writer.paragraph(t("report.note", { date: f.date(today) }), { muted: true, size: 9 });
  const bytes = await writer.finish((page, pages) =>
    t("report.footer", { firm: firm?.name ?? "", page, pages }),
  );
  await recordAudit(work.tx, work.audit, {
    action: "report.download",
    entityType: "client_file",
    entityId: fileId,
    clientFileId: fileId,
    before: null,
    after: {
      language,
      via: work.viewer.kind === "preview" ? "preview" : "portal",
      ...(work.viewer.kind === "preview" ? { previewOfGranteeId: work.viewer.granteeId } : {}),
      grantIds: access.grantIds,
    },
  });
  const safeNumber = overview.file.number.replace(/[^\w.-]+/g, "_");
  return { bytes, fileName: `${t("report.title")} ${safeNumber}.pdf` };
}
