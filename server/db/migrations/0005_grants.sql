CREATE TABLE "grant_contracts" (
	"firm_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	CONSTRAINT "grant_contracts_firm_id_grant_id_contract_id_pk" PRIMARY KEY("firm_id","grant_id","contract_id")
);
--> statement-breakpoint
CREATE TABLE "grant_files" (
	"firm_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	CONSTRAINT "grant_files_firm_id_grant_id_client_file_id_pk" PRIMARY KEY("firm_id","grant_id","client_file_id")
);
--> statement-breakpoint
CREATE TABLE "grant_profiles" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"default_access" text DEFAULT 'read' NOT NULL,
	"share_assets" boolean DEFAULT true NOT NULL,
	"share_donations" boolean DEFAULT false NOT NULL,
	"share_persons" boolean DEFAULT true NOT NULL,
	"share_claims" boolean DEFAULT false NOT NULL,
	"share_addresses" boolean DEFAULT false NOT NULL,
	"contract_mode" text DEFAULT 'categories' NOT NULL,
	"contract_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"line_of_business_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"document_category_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"view" text DEFAULT 'private' NOT NULL,
	"show_product_name" boolean DEFAULT false NOT NULL,
	"case_handler_id" text,
	"show_case_handler" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_profiles_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "grant_profiles_contract_mode_check" CHECK ("grant_profiles"."contract_mode" in ('categories', 'manual')),
	CONSTRAINT "grant_profiles_view_check" CHECK ("grant_profiles"."view" in ('private', 'business')),
	CONSTRAINT "grant_profiles_access_check" CHECK ("grant_profiles"."default_access" in ('read', 'read_write'))
);
--> statement-breakpoint
CREATE TABLE "grantees" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"person_id" uuid,
	"email" text,
	"name" text NOT NULL,
	"account_id" text,
	"access" text DEFAULT 'read' NOT NULL,
	"is_primary_contact" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"granted_by_portal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grantees_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "grantees_access_check" CHECK ("grantees"."access" in ('read', 'read_write')),
	CONSTRAINT "grantees_status_check" CHECK ("grantees"."status" in ('pending', 'active', 'locked', 'revoked')),
	CONSTRAINT "grantees_outsider_email_check" CHECK ("grantees"."person_id" is not null or "grantees"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"share_assets" boolean DEFAULT true NOT NULL,
	"share_donations" boolean DEFAULT false NOT NULL,
	"share_persons" boolean DEFAULT true NOT NULL,
	"share_claims" boolean DEFAULT false NOT NULL,
	"share_addresses" boolean DEFAULT false NOT NULL,
	"contract_mode" text DEFAULT 'categories' NOT NULL,
	"contract_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"line_of_business_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"document_category_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"view" text DEFAULT 'private' NOT NULL,
	"show_product_name" boolean DEFAULT false NOT NULL,
	"case_handler_id" text,
	"show_case_handler" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "grants_contract_mode_check" CHECK ("grants"."contract_mode" in ('categories', 'manual')),
	CONSTRAINT "grants_view_check" CHECK ("grants"."view" in ('private', 'business'))
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "portal_category" text GENERATED ALWAYS AS (case when status = 'own' and document_date is not null then 'policy' when status = 'own' and application_date is not null then 'application' when status = 'offer' and offer_date is not null then 'own' else status end) STORED;--> statement-breakpoint
ALTER TABLE "grant_contracts" ADD CONSTRAINT "grant_contracts_firm_id_grant_id_grants_firm_id_id_fk" FOREIGN KEY ("firm_id","grant_id") REFERENCES "public"."grants"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_contracts" ADD CONSTRAINT "grant_contracts_firm_id_contract_id_contracts_firm_id_id_fk" FOREIGN KEY ("firm_id","contract_id") REFERENCES "public"."contracts"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_files" ADD CONSTRAINT "grant_files_firm_id_grant_id_grants_firm_id_id_fk" FOREIGN KEY ("firm_id","grant_id") REFERENCES "public"."grants"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_files" ADD CONSTRAINT "grant_files_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grantees" ADD CONSTRAINT "grantees_account_id_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grantees" ADD CONSTRAINT "grantees_firm_id_grant_id_grants_firm_id_id_fk" FOREIGN KEY ("firm_id","grant_id") REFERENCES "public"."grants"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grantees" ADD CONSTRAINT "grantees_firm_id_person_id_persons_firm_id_id_fk" FOREIGN KEY ("firm_id","person_id") REFERENCES "public"."persons"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_contracts_contract_idx" ON "grant_contracts" USING btree ("firm_id","contract_id");--> statement-breakpoint
CREATE INDEX "grant_files_file_idx" ON "grant_files" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_profiles_key_idx" ON "grant_profiles" USING btree ("firm_id","key");--> statement-breakpoint
CREATE INDEX "grantees_grant_idx" ON "grantees" USING btree ("firm_id","grant_id");--> statement-breakpoint
CREATE INDEX "grantees_account_idx" ON "grantees" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "grantees_person_idx" ON "grantees" USING btree ("firm_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grantees_person_once_idx" ON "grantees" USING btree ("firm_id","grant_id","person_id") WHERE "grantees"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "grantees_outsider_once_idx" ON "grantees" USING btree ("firm_id","grant_id","email") WHERE "grantees"."person_id" is null;