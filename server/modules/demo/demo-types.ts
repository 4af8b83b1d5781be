/** A person of a demo file. `key` lets donations point at persons. */
export interface DemoPerson {
  key?: string;
  role: "holder" | "co_holder" | "partner" | "child" | "relative" | "contact" | "external_advisor";
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  phoneCountry?: string;
  language?: "de" | "fr" | "en";
  salutation?: "formal" | "informal";
  birthDate?: string;
  relation?: string;
  commercial?: boolean;
  operational?: boolean;
  employee?: boolean;
  advisorKind?: "banker" | "notary" | "lawyer" | "tax_advisor" | "accountant" | "other";
  organisation?: string;
}

/** A contract of a demo file; `key` lets claims, addresses and documents point at it. */
export interface DemoContract {
  key: string;
  line: string;
  insurer: string;
  product: string;
  risk: string;
  number?: string;
  status:
    | "request"
    | "offer"
    | "foreign"
    | "partly_foreign"
    | "locked"
    | "info"
    | "dormant"
    | "cancelled"
    | "own";
  start?: string;
  premium?: string;
  frequency?: "monthly" | "quarterly" | "half_yearly" | "yearly" | "once";
  offerDate?: string;
  applicationDate?: string;
  documentDate?: string;
}

/** One demo client file with everything it holds. */
export interface DemoFile {
  ext: string;
  kind: "private" | "business";
  name: string;
  number: string;
  /** "admin" or "advisor": who of the demo staff owns the file. */
  owner: "admin" | "advisor";
  notes?: string;
  persons: DemoPerson[];
  address: {
    label: string;
    street: string;
    postalCode: string;
    city: string;
    country: string;
    contracts: string[];
  };
  contracts: DemoContract[];
  claims?: Array<{ contract?: string; date: string; description: string; status: string; amount?: string }>;
  assets?: Array<{ kind: string; description: string; value: string; date?: string }>;
  donations?: Array<{
    donor: string;
    beneficiary: string;
    date: string;
    amount: string;
    kind: string;
    notes?: string;
  }>;
  documents?: Array<{ title: string; category: string; contract?: string; date: string; shared: boolean }>;
}
