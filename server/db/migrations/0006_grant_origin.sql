ALTER TABLE "grants" ADD COLUMN "profile_id" uuid;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "default_access" text DEFAULT 'read' NOT NULL;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_profile_fk" FOREIGN KEY ("firm_id","profile_id") REFERENCES "public"."grant_profiles"("firm_id","id") ON DELETE SET NULL ("profile_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grants_profile_idx" ON "grants" USING btree ("firm_id","profile_id");--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_default_access_check" CHECK ("grants"."default_access" in ('read', 'read_write'));