import { useParams } from "@tanstack/react-router";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../ui/use-document-title";
import { AddressesSection } from "./addresses-section";
import { AssetsSection } from "./assets-section";
import { ClaimsSection } from "./claims-section";
import { ContractsSection } from "./contracts-section";
import { DocumentsSection } from "./documents-section";
import { DonationsSection } from "./donations-section";
import { FamilySection } from "./family-section";
import { usePortalFile } from "./file-context";
import { PersonsSection } from "./persons-section";
import { isPortalSection, type PortalSection } from "./sections";

const pages: Record<PortalSection, ComponentType> = {
  contracts: ContractsSection,
  assets: AssetsSection,
  claims: ClaimsSection,
  addresses: AddressesSection,
  persons: PersonsSection,
  donations: DonationsSection,
  documents: DocumentsSection,
  family: FamilySection,
};

/** `/portal/$firmId/$fileId/$section`: one section of the file; the route has checked the name. */
export function SectionPage() {
  const { t } = useTranslation();
  const { section } = useParams({ from: "/portal/$firmId/$fileId/$section" });
  const { overview } = usePortalFile();
  const known = isPortalSection(section) ? section : "contracts";
  useDocumentTitle(`${t(`portal.sections.${known}`)} · ${overview.file.displayName}`);
  const Page = pages[known];
  return <Page />;
}
